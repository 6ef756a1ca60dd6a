// Optional inline script: a hover read-out on charts (time or percentile, and each line's value
// there). Everything it shows is already in the SVG (the scales are in data-x / data-y, the
// points in the paths), so the page says the same with scripts blocked. It writes with
// textContent only: series names come from the scenario and must stay text.
export const SCRIPT = `(function(){
function scale(a){var p=a.split(' ').map(Number),k=a.split(' ')[0];return{log:k==='log',d0:p[1],d1:p[2],r0:p[3],r1:p[4]};}
function inv(s,px){var f=(px-s.r0)/(s.r1-s.r0);if(s.log){var lo=Math.log10(s.d0),hi=Math.log10(s.d1);return Math.pow(10,lo+f*(hi-lo));}return s.d0+f*(s.d1-s.d0);}
function subpaths(path){var out=[],re=/([ML])([-\\d.]+) ([-\\d.]+)/g,m;while((m=re.exec(path.getAttribute('d')))){if(m[1]==='M')out.push([]);out[out.length-1].push([+m[2],+m[3]]);}return out;}
function yAt(subs,px){for(var i=0;i<subs.length;i++){var s=subs[i];if(s.length===1&&Math.abs(s[0][0]-px)<3)return s[0][1];
for(var j=1;j<s.length;j++){var a=s[j-1],b=s[j];if(a[0]<=px&&px<=b[0])return b[0]===a[0]?Math.max(a[1],b[1]):a[1]+(b[1]-a[1])*(px-a[0])/(b[0]-a[0]);}}return null;}
function fmtX(kind,v){if(kind==='nines'){var p=100*(1-Math.pow(10,-v));return 'p'+(p>=99?p.toFixed(Math.min(6,Math.max(1,Math.floor(v)-1))):p.toFixed(1));}
var s=Math.round(v);return s<60?s+'s':Math.floor(s/60)+'m'+String(s%60).padStart(2,'0')+'s';}
function fmtY(kind,v){return kind==='ms'?(v<1?v.toFixed(3):v<1000?v.toPrecision(3):Math.round(v).toLocaleString('en-US'))+' ms':(v<10?v.toFixed(2):v.toFixed(0));}
document.querySelectorAll('svg[data-tip]').forEach(function(svg){
var xs=scale(svg.getAttribute('data-x')),ys=scale(svg.getAttribute('data-y')),kinds=svg.getAttribute('data-tip').split(' ');
var lines=[].slice.call(svg.querySelectorAll('path.line')).map(function(p){return{name:p.querySelector('title').textContent,cls:p.getAttribute('class'),subs:subpaths(p)};});
var fig=svg.parentNode,tip=document.createElement('div');tip.className='tip';tip.hidden=true;fig.appendChild(tip);
var cur=document.createElementNS('http://www.w3.org/2000/svg','line');cur.setAttribute('class','cursor');cur.setAttribute('y1',Math.min(ys.r0,ys.r1));cur.setAttribute('y2',Math.max(ys.r0,ys.r1));cur.style.display='none';svg.appendChild(cur);
svg.addEventListener('mousemove',function(ev){
var box=svg.getBoundingClientRect(),vb=svg.viewBox.baseVal,px=(ev.clientX-box.left)*vb.width/box.width;
if(px<xs.r0||px>xs.r1){tip.hidden=true;cur.style.display='none';return;}
cur.setAttribute('x1',px);cur.setAttribute('x2',px);cur.style.display='';
tip.textContent='';var head=document.createElement('div');head.textContent=fmtX(kinds[0],inv(xs,px));tip.appendChild(head);
lines.forEach(function(l){var py=yAt(l.subs,px);if(py===null)return;var row=document.createElement('div'),sw=document.createElement('span');
sw.className='swatch '+l.cls.replace('line','');row.appendChild(sw);row.appendChild(document.createTextNode(l.name+': '+fmtY(kinds[1],inv(ys,py))));tip.appendChild(row);});
var fb=fig.getBoundingClientRect();tip.hidden=false;var left=ev.clientX-fb.left+14;if(left+tip.offsetWidth>fb.width)left=ev.clientX-fb.left-tip.offsetWidth-14;
tip.style.left=left+'px';tip.style.top=(ev.clientY-fb.top+10)+'px';});
svg.addEventListener('mouseleave',function(){tip.hidden=true;cur.style.display='none';});
});
})();`;
