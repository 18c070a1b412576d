// Ticking a facet value applies it at once; without this script the "Apply filters" button does.
document.addEventListener("change", function (event) {
  var box = event.target;
  if (box.type === "checkbox" && box.form && box.form.id === "facet-form") {
    box.form.submit();
  }
});

// On a phone the quotes come first: the filter panel starts closed (one tap opens it).
var filters = document.getElementById("filters");
if (filters && window.matchMedia("(max-width: 760px)").matches) {
  filters.open = false;
}
