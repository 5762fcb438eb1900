<!DOCTYPE html>
<html>
<body>
<?php if ($user): ?>
  <h1>Hello, <?php echo htmlspecialchars($user->name); 