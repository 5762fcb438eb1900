<!DOCTYPE html>
<html>
<body>
<?php if ($user): ?>
  <h1>Hello, <?php echo htmlspecialchars($user->name); ?>!</h1>
<?php else: ?>
  <a href="/login">Log in</a>
<?php endif; ?>
<ul>
<?php foreach ($items as $i => $