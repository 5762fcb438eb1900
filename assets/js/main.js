// Opens and closes the "Old updates" list on the homepage.
document.addEventListener("DOMContentLoaded", function () {
  var dropdowns = document.querySelectorAll("#old-updates-dropdown");
  dropdowns.forEach(function (dropdown) {
    var button = dropdown.querySelector(".dropdown-button");
    var list = dropdown.querySelector("ul");
    if (!button || !list) return;
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var open = list.style.display === "none";
      list.style.display = open ? "block" : "none";
      button.setAttribute("aria-expanded", open ? "true" : "false");
      dropdown.classList.toggle("is-open", open);
    });
  });
});
