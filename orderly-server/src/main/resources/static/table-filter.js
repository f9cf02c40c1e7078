// Filters table rows as the user types into an input marked data-filter-rows (a CSS selector of the rows to filter).
// A file of its own, not an inline handler: the Content Security Policy allows scripts from this server only.
document.querySelectorAll('input[data-filter-rows]').forEach(function (input) {
  input.addEventListener('input', function () {
    var text = input.value.toLowerCase();
    document.querySelectorAll(input.dataset.filterRows).forEach(function (row) {
      row.hidden = !row.textContent.toLowerCase().includes(text);
    });
  });
});
