// The report's stylesheet, inline (no external request). Light theme, system fonts, readable
// tables, eight chart colours chosen to stay apart for common colour-vision deficiencies, and a
// print layout that keeps charts and tables whole on a page.
export const CSS = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--bg:#fff;--panel:#f6f8fa;--pass:#1a7f37;--pass-bg:#dafbe1;--fail:#cf222e;--fail-bg:#ffebe9;--warn:#9a6700;--warn-bg:#fff8c5;--unsure:#6639ba;--unsure-bg:#fbefff}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}
main{max-width:1240px;margin:0 auto;padding:18px 24px 40px}
h1{font-size:22px;margin:0 0 2px}
h2{font-size:17px;margin:28px 0 10px;padding-bottom:4px;border-bottom:1px solid var(--line)}
h3{font-size:14px;margin:14px 0 6px}
p{margin:6px 0}
.sub{color:var(--muted);margin:0 0 12px}
code,pre,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px}
nav.toc{font-size:13px;margin:4px 0 12px;color:var(--muted)}
nav.toc a{color:inherit;margin-right:12px}
.banner{display:flex;flex-wrap:wrap;align-items:baseline;gap:6px 18px;border-radius:8px;padding:12px 16px;margin:10px 0;border:1px solid}
.banner.pass{background:var(--pass-bg);border-color:var(--pass);color:#0f5323}
.banner.fail{background:var(--fail-bg);border-color:var(--fail);color:#82071e}
.banner .big{font-size:24px;font-weight:700;letter-spacing:.02em}
.banner .what{font-size:15px}
.claim{font-size:15px;margin:8px 0}
.warning{background:var(--warn-bg);border:1px solid #d4a72c;border-left:6px solid #d4a72c;border-radius:6px;padding:8px 12px;margin:8px 0;color:#4d2d00}
.warning strong{color:#4d2d00}
.warning ul{margin:4px 0 0 18px;padding:0}
.note{color:var(--muted);font-size:13px}
.share-bar{display:inline-block;height:9px;background:#0969da;vertical-align:middle;print-color-adjust:exact}
.badge{display:inline-block;min-width:44px;text-align:center;border-radius:10px;padding:0 8px;font-weight:600;font-size:12px}
.badge.pass{background:var(--pass-bg);color:var(--pass)}
.badge.fail{background:var(--fail-bg);color:var(--fail)}
.badge.inconclusive{background:var(--unsure-bg);color:var(--unsure);border:1px dashed var(--unsure)}
tr.inconclusive td.v{color:var(--unsure)}
.banner .unsure{color:var(--unsure);font-weight:600}
.badge.none{background:var(--panel);color:var(--muted)}
.cols{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:0 24px}
@media (max-width:900px){.cols{grid-template-columns:1fr}}
.table-wrap{overflow-x:auto}
table{border-collapse:collapse;margin:6px 0 10px;font-size:13px;font-variant-numeric:tabular-nums}
caption{text-align:left;font-weight:600;padding:0 0 4px}
th,td{padding:4px 9px;border-bottom:1px solid var(--line);vertical-align:top}
thead th{background:var(--panel);text-align:right;white-space:nowrap;font-weight:600}
thead th:first-child,thead th.text,tbody th,td.text{text-align:left}
tbody th{font-weight:600;white-space:nowrap}
td{text-align:right;white-space:nowrap}
td.text{white-space:normal}
tr.total th,tr.total td{border-top:2px solid var(--fg);font-weight:600}
tr.fail td.v,td.fail{color:var(--fail);font-weight:600}
tr.regression{background:var(--fail-bg)}
tr.improvement{background:var(--pass-bg)}
td.worse{color:var(--fail);font-weight:600}
td.better{color:var(--pass);font-weight:600}
dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:3px 16px;margin:6px 0}
dl.facts dt{color:var(--muted)}
dl.facts dd{margin:0;overflow-wrap:anywhere}
pre.source{background:var(--panel);border:1px solid var(--line);border-radius:6px;padding:10px 12px;overflow:auto;max-height:520px;white-space:pre}
.charts{display:grid;grid-template-columns:repeat(auto-fit,minmax(520px,1fr));gap:12px 20px}
@media (max-width:600px){.charts{grid-template-columns:1fr}}
figure.chart{margin:6px 0 14px;position:relative;break-inside:avoid}
figure.chart figcaption{display:flex;flex-wrap:wrap;align-items:baseline;gap:2px 14px;margin-bottom:2px}
.chart-title{font-weight:600}
ul.legend{display:flex;flex-wrap:wrap;gap:2px 12px;list-style:none;margin:0;padding:0;font-size:12px;color:var(--muted)}
.swatch{display:inline-block;width:18px;height:0;border-top:3px solid currentColor;vertical-align:middle;margin-right:5px}
.swatch.dashed{border-top-style:dashed}
svg.plot{display:block;width:100%;height:auto;overflow:visible}
svg.plot text{font-size:11px;fill:var(--muted)}
svg.plot .axis{stroke:#8c959f;stroke-width:1}
svg.plot .grid{stroke:#eaeef2;stroke-width:1}
svg.plot .tickmark{stroke:#8c959f}
svg.plot .band{fill:#eaeef2;opacity:.8}
svg.plot .band-label{font-style:italic}
svg.plot .marker{stroke:#8c959f;stroke-dasharray:3 3}
svg.plot .marker-label{font-size:10.5px}
svg.plot .threshold{stroke:var(--fail);stroke-dasharray:6 4;stroke-width:1;opacity:.7}
svg.plot text.threshold-label{fill:var(--fail)}
svg.plot .floor-band{fill:var(--unsure);opacity:.08}
svg.plot .floor-line{stroke:var(--unsure);stroke-width:1;stroke-dasharray:2 3}
svg.plot text.floor-label{fill:var(--unsure);font-size:11px}
svg.plot text.axis-label{font-size:11.5px;fill:var(--fg)}
svg.plot text.nodata{font-size:14px}
svg.plot .line{fill:none;stroke-width:1.6;stroke-linejoin:round;stroke-linecap:round}
svg.plot .line.dashed{stroke-dasharray:5 3}
svg.plot .cursor{stroke:#57606a;stroke-width:1}
.c0{color:#2563eb;stroke:#2563eb}.c1{color:#d62728;stroke:#d62728}.c2{color:#2ca02c;stroke:#2ca02c}.c3{color:#9467bd;stroke:#9467bd}
.c4{color:#e07b00;stroke:#e07b00}.c5{color:#17becf;stroke:#17becf}.c6{color:#8c564b;stroke:#8c564b}.c7{color:#6e7781;stroke:#6e7781}
.tip{position:absolute;pointer-events:none;background:rgba(255,255,255,.96);border:1px solid var(--line);border-radius:6px;padding:4px 8px;font-size:12px;box-shadow:0 2px 8px rgba(0,0,0,.12);white-space:nowrap;z-index:2}
footer{margin-top:30px;color:var(--muted);font-size:12px}
@media print{
  main{max-width:none;padding:0}
  nav.toc,.tip{display:none}
  h2{break-after:avoid}
  table,figure.chart,.banner,.warning{break-inside:avoid}
  .charts{grid-template-columns:1fr 1fr}
  pre.source{max-height:none}
  body{font-size:12px}
}
`;
