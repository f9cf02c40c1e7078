// Draws the policy lab's charts from the data the page carries (no inline script: the CSP forbids it). A band is a
// transparent bar up to its low end with a visible bar from low to high stacked on it, and the projection a point.
(function () {
  if (!window.echarts) return;
  function draw(element, option) {
    var chart = echarts.init(element, null, { renderer: 'svg' });
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
    element.setAttribute('data-ready', 'true');
  }
  var corridors = document.getElementById('corridor-chart');
  if (corridors) {
    var rows = JSON.parse(corridors.getAttribute('data-corridors')).slice().reverse();
    var names = rows.map(function (r) { return r.origin + ' → ' + r.destination; });
    var series = [
      { name: 'band start', type: 'bar', stack: 'band', silent: true, itemStyle: { color: 'transparent' },
        data: rows.map(function (r) { return Math.round(r.low); }) },
      { name: '90 % band', type: 'bar', stack: 'band', itemStyle: { color: '#b8d0ee' },
        data: rows.map(function (r) { return Math.round(r.high - r.low); }) },
      { name: 'projected', type: 'scatter', symbol: 'diamond', symbolSize: 11, itemStyle: { color: '#1f4e8c' },
        data: rows.map(function (r) { return Math.round(r.stock); }) }
    ];
    if (rows.length && rows[0].baseline !== null && rows[0].baseline !== undefined) {
      series.push({ name: 'no deal', type: 'scatter', symbol: 'circle', symbolSize: 7, itemStyle: { color: '#b03a2e' },
        data: rows.map(function (r) { return Math.round(r.baseline); }) });
    }
    draw(corridors, {
      animation: false,
      legend: { top: 0, data: series.filter(function (s) { return s.name !== 'band start'; }).map(function (s) { return s.name; }) },
      grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, formatter: function (items) {
        var r = rows[items[0].dataIndex];
        return names[items[0].dataIndex] + '<br>projected ' + Math.round(r.stock).toLocaleString()
          + '<br>band ' + Math.round(r.low).toLocaleString() + ' – ' + Math.round(r.high).toLocaleString(); } },
      xAxis: { type: 'value', axisLabel: { formatter: function (v) { return v >= 1e6 ? (v / 1e6) + ' M' : v >= 1e3 ? (v / 1e3) + ' k' : v; } } },
      yAxis: { type: 'category', data: names, axisLabel: { fontSize: 11 } },
      series: series
    });
  }
  var states = document.getElementById('state-chart');
  if (states) {
    var effects = JSON.parse(states.getAttribute('data-states'));
    var labels = effects.map(function (e) { return e.state; });
    function band(name, low, high, color) {
      return { name: name, type: 'custom', itemStyle: { color: color },
        renderItem: function (params, api) {
          var x = api.value(0), a = api.coord([x, api.value(1)]), b = api.coord([x, api.value(2)]);
          var offset = name.indexOf('emigrants') >= 0 ? -8 : 8;
          return { type: 'line', shape: { x1: a[0] + offset, y1: a[1], x2: b[0] + offset, y2: b[1] }, style: { stroke: color, lineWidth: 2 } };
        },
        data: effects.map(function (e, i) { return [i, e[low], e[high]]; }) };
    }
    // The axis spans the bands too (ECharts scales a custom series' values only as it draws them).
    var ends = [0];
    effects.forEach(function (e) { ends.push(e.emigrantsLow, e.emigrantsHigh, e.immigrantsLow, e.immigrantsHigh, e.emigrants, e.immigrants); });
    draw(states, {
      animation: false,
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 56, bottom: 8, containLabel: true },
      tooltip: { trigger: 'axis' },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value', min: Math.min.apply(null, ends), max: Math.max.apply(null, ends),
        axisLabel: { formatter: function (v) { return Math.abs(v) >= 1e6 ? (v / 1e6) + ' M' : Math.abs(v) >= 1e3 ? Math.round(v / 1e3) + ' k' : Math.round(v); } } },
      series: [
        { name: 'emigrants abroad', type: 'bar', itemStyle: { color: '#2f6db5' }, data: effects.map(function (e) { return Math.round(e.emigrants); }) },
        { name: 'immigrants', type: 'bar', itemStyle: { color: '#8e5b00' }, data: effects.map(function (e) { return Math.round(e.immigrants); }) },
        band('band (emigrants)', 'emigrantsLow', 'emigrantsHigh', '#123a6b'),
        band('band (immigrants)', 'immigrantsLow', 'immigrantsHigh', '#4d3200')
      ]
    });
  }
})();
