$(document).ready(function() {
  $('.toggle').on('click', function(e) {
    var $this = $(this);
    $this.toggleClass('active');
    if ($this.hasClass('active') && !window.matchMedia('(max-width: 600px)').matches) {
      $('#menu').slideDown(200);
    } else {
      $('#menu').slideUp(200);
    }
    return false;
  });
  var data = JSON.pars