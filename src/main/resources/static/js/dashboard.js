// The RTS dashboard's chart: stacked bars of what became of each row's applications in the period.
// Its figures come from the page's JSON block (#dashboard-data), so the page needs no inline script.
(function () {
  const data = JSON.parse(document.getElementById('dashboard-data').textContent);
  const colours = ['#2e7d32', '#f9a825', '#1565c0', '#c62828'];
  new Chart(document.getElementById('dashboard-chart'), {
    type: 'bar',
    data: {
      labels: data.labels,
      datasets: data.series.map((values, i) => ({ label: data.names[i], data: values, backgroundColor: colours[i] }))
    },
    options: { indexAxis: 'y', animation: false, maintainAspectRatio: false,
      scales: { x: { stacked: true }, y: { stacked: true } } }
  });
})();
