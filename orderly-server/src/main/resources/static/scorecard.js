// Draws each indicator's trend on a scorecard from the data the page carries (no inline script: the CSP forbids it).
document.querySelectorAll('.trend[data-trend]').forEach(function (element) {
  var points = JSON.parse(element.getAttribute('data-trend'));
  var target = element.getAttribute('data-target');
  var series = [{ type: 'line', name: 'value', data: points.map(function (p) { return p[1]; }), symbolSize: 8 }];
  if (target) {
    series.push({ type: 'line', name: 'target', data: points.map(function () { return Number(target); }),
      lineStyle: { type: 'dashed' }, symbol: 'none' });
  }
  var chart = echarts.init(element, null, { renderer: 'svg' });
  chart.setOption({
    animation: false,
    grid: { left: 48, right: 16, top: 16, bottom: 28 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map(function (p) { return p[0]; }) },
    yAxis: { type: 'value', scale: true },
    series: series
  });
  window.addEventListener('resize', function () { chart.resize(); });
});
