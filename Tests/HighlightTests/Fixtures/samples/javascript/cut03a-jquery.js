$(document).ready(function() {
  $('.toggle').on('click', function(e) {
    var $this = $(this);
    $this.toggleClass('active');
    if ($this.hasClass('active') && !window