// Orderly's page behaviour, shared by every page: the collapsing menu, focus on fresh results,
// sharing a permalink, and tables that sort, filter and download as CSV or JSON.
(function () {
  'use strict';

  function ready(fn) {
    if (document.readyState !== 'loading') fn(); else document.addEventListener('DOMContentLoaded', fn);
  }

  // The skip link's target: pages written before it may lack the id.
  function markMain() {
    var main = document.querySelector('main');
    if (main && !main.id) main.id = 'main';
    if (main && !main.hasAttribute('tabindex')) main.setAttribute('tabindex', '-1');
  }

  // On a narrow screen the navigation folds behind a Menu button.
  function menu() {
    var toggle = document.querySelector('.nav-toggle');
    var nav = document.getElementById('site-nav');
    if (!toggle || !nav) return;
    toggle.addEventListener('click', function () {
      var open = toggle.getAttribute('aria-expanded') !== 'true';
      toggle.setAttribute('aria-expanded', String(open));
      nav.classList.toggle('open', open);
    });
  }

  // An answer swapped in by htmx is announced by its live region; focus moves to its heading.
  function focusResults() {
    document.body.addEventListener('htmx:afterSwap', function (event) {
      var target = event.detail.target;
      var heading = target && target.querySelector('h2[tabindex], .error[tabindex], [data-focus]');
      if (heading) heading.focus();
      enhanceTables(target);
    });
  }

  function share() {
    document.addEventListener('click', function (event) {
      var button = event.target.closest('button.share');
      if (!button) return;
      var url = new URL(button.dataset.url, window.location.href).href;
      var status = button.parentNode.querySelector('.share-status');
      function say(text) { if (status) status.textContent = text; }
      if (navigator.share) {
        navigator.share({ title: document.title, url: url }).catch(function () {});
      } else if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(function () { say('Link copied.'); }, function () { say(url); });
      } else {
        say(url);
      }
    });
  }

  function cellText(cell) {
    if (cell.dataset.value !== undefined) return cell.dataset.value;
    return cell.textContent.replace(/\s+/g, ' ').trim();
  }

  function headers(table) {
    return Array.prototype.map.call(table.querySelectorAll('thead th'), function (th) {
      return th.dataset.label || cellText(th).replace(/[↕↑↓]/g, '').trim();
    });
  }

  function visibleRows(table) {
    return Array.prototype.filter.call(table.tBodies[0] ? table.tBodies[0].rows : [], function (r) { return !r.hidden; });
  }

  function rowsAsArrays(table) {
    return visibleRows(table).map(function (r) { return Array.prototype.map.call(r.cells, cellText); });
  }

  function csvField(value) {
    return /[",\n\r]/.test(value) ? '"' + value.replace(/"/g, '""') + '"' : value;
  }

  /** The table as CSV (RFC 4180): a header row, then the rows shown. */
  function toCsv(table) {
    var lines = [headers(table).map(csvField).join(',')];
    rowsAsArrays(table).forEach(function (row) { lines.push(row.map(csvField).join(',')); });
    return lines.join('\r\n') + '\r\n';
  }

  /** The table as JSON: one object per row shown, keyed by the column headings. */
  function toJson(table) {
    var names = headers(table);
    return JSON.stringify(rowsAsArrays(table).map(function (row) {
      var object = {};
      names.forEach(function (name, i) { object[name] = row[i] === undefined ? null : row[i]; });
      return object;
    }), null, 2);
  }

  function fileName(table, extension) {
    var page = window.location.pathname.split('/').filter(Boolean).join('-') || 'orderly';
    return page + (table.id ? '-' + table.id : '') + '.' + extension;
  }

  function download(text, type, name) {
    var link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  function sortKey(text) {
    if (/^-?\d+(\.\d+)?$/.test(text)) return { n: parseFloat(text) };
    return { s: text.toLowerCase() };
  }

  function compare(a, b) {
    var x = sortKey(a), y = sortKey(b);
    if (x.n !== undefined && y.n !== undefined) return x.n - y.n;
    if (a === '' && b !== '') return 1;
    if (b === '' && a !== '') return -1;
    return (x.s !== undefined ? x.s : String(x.n)).localeCompare(y.s !== undefined ? y.s : String(y.n));
  }

  function makeSortable(table) {
    Array.prototype.forEach.call(table.querySelectorAll('thead th'), function (th, column) {
      var label = th.textContent.trim();
      th.dataset.label = label;
      th.textContent = '';
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      button.innerHTML = '<span></span><span class="sort-mark" aria-hidden="true">↕</span>';
      button.firstChild.textContent = label;
      th.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(table.querySelectorAll('thead th'), function (other) {
          other.removeAttribute('aria-sort');
          var mark = other.querySelector('.sort-mark');
          if (mark) mark.textContent = '↕';
        });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        button.querySelector('.sort-mark').textContent = ascending ? '↑' : '↓';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var c = compare(cellText(r1.cells[column] || r1), cellText(r2.cells[column] || r2));
          return ascending ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
        table.dispatchEvent(new CustomEvent('orderly:sorted'));
      });
    });
  }

  var tableCount = 0;
  var PAGE = 25;

  /** Gives a table its tools: a filter, a row count, CSV and JSON downloads, sortable columns, and a scrolling frame. */
  function enhance(table) {
    if (table.dataset.enhanced || !table.tHead || !table.tBodies.length) return;
    table.dataset.enhanced = 'true';
    var n = ++tableCount;
    var heading = table.previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    var name = table.getAttribute('aria-label') || (heading ? heading.textContent.replace(/\s+/g, ' ').trim() : 'Table ' + n);

    var tools = document.createElement('div');
    tools.className = 'table-tools';
    var filterId = 'filter-' + (table.id || n);
    tools.innerHTML = '<label class="table-filter"><span>Filter</span> <input type="search"></label>'
      + '<span class="table-count" role="status" aria-live="polite"></span>'
      + '<button type="button" class="secondary download-csv">Download CSV</button>'
      + '<button type="button" class="secondary download-json">Download JSON</button>';
    var input = tools.querySelector('input');
    input.id = filterId;
    input.setAttribute('aria-label', 'Filter ' + name);
    tools.querySelector('label').setAttribute('for', filterId);
    // The visible label starts the accessible name (WCAG 2.5.3): a voice user says what she sees.
    tools.querySelector('.download-csv').setAttribute('aria-label', 'Download CSV: ' + name);
    tools.querySelector('.download-json').setAttribute('aria-label', 'Download JSON: ' + name);
    var count = tools.querySelector('.table-count');
    // On a phone a long table shows a page of rows and a button for the next: 200 cards are a 40,000 px page.
    // Filters, sorting and downloads still work on every row.
    var paged = window.matchMedia && window.matchMedia('(max-width: 700px)').matches && table.tBodies[0].rows.length > PAGE;
    var limit = PAGE;
    var more = document.createElement('button');
    more.type = 'button';
    more.className = 'secondary more-rows';
    more.hidden = true;
    more.addEventListener('click', function () {
      limit += PAGE;
      paginate();
    });
    function paginate() {
      if (!paged) return;
      var rows = visibleRows(table);
      rows.forEach(function (r, i) { r.classList.toggle('beyond-page', i >= limit); });
      var left = rows.length - Math.min(rows.length, limit);
      more.hidden = left <= 0;
      more.textContent = 'Show ' + Math.min(PAGE, left) + ' more (' + left + ' not shown)';
    }
    function recount() {
      var shown = visibleRows(table).length, all = table.tBodies[0].rows.length;
      count.textContent = shown === all ? all + (all === 1 ? ' row' : ' rows') : shown + ' of ' + all + ' rows';
      paginate();
    }
    table.addEventListener('orderly:sorted', paginate);
    input.addEventListener('input', function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        // A row may carry words to be found by that are not shown, such as an instrument's acronym (data-search).
        var text = (row.textContent + ' ' + (row.getAttribute('data-search') || '')).toLowerCase();
        row.hidden = !words.every(function (w) { return text.indexOf(w) >= 0; });
      });
      limit = PAGE;
      recount();
    });
    tools.querySelector('.download-csv').addEventListener('click', function () {
      download(toCsv(table), 'text/csv;charset=utf-8', fileName(table, 'csv'));
    });
    tools.querySelector('.download-json').addEventListener('click', function () {
      download(toJson(table), 'application/json', fileName(table, 'json'));
    });

    var frame = document.createElement('div');
    frame.className = 'table-frame';
    frame.setAttribute('role', 'region');
    frame.setAttribute('aria-label', name);
    frame.tabIndex = 0;
    table.parentNode.insertBefore(tools, table);
    table.parentNode.insertBefore(frame, table);
    frame.appendChild(table);
    frame.parentNode.insertBefore(more, frame.nextSibling);
    makeSortable(table);
    labelCells(table);
    recount();
  }

  // On a phone each row reflows into a card whose cells carry their column's name (orderly.css);
  // explicit roles keep the table a table for screen readers whatever its display.
  function labelCells(table) {
    var names = headers(table);
    table.classList.add('reflow');
    table.setAttribute('role', 'table');
    Array.prototype.forEach.call(table.querySelectorAll('thead, tbody'), function (g) { g.setAttribute('role', 'rowgroup'); });
    Array.prototype.forEach.call(table.rows, function (row) {
      row.setAttribute('role', 'row');
      Array.prototype.forEach.call(row.cells, function (cell, i) {
        if (cell.tagName === 'TH') { cell.setAttribute('role', 'columnheader'); return; }
        cell.setAttribute('role', 'cell');
        if (names[i]) cell.setAttribute('data-label', names[i]);
      });
    });
  }

  function enhanceTables(root) {
    Array.prototype.forEach.call((root || document).querySelectorAll('main table:not(.plain)'), enhance);
  }

  window.orderlyTables = { csv: toCsv, json: toJson };

  ready(function () {
    markMain();
    menu();
    focusResults();
    share();
    enhanceTables(document);
  });
})();
