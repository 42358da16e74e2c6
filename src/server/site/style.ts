/**
 * The public site's one style sheet, sent inline in each page (about 2 KB gzipped: one request
 * fewer on a phone, and the site's CSP allows inline styles). A module's page adds its own rules
 * after it. Party red on a warm paper colour; contrast of text ≥ 4.5:1 on both.
 */
export const siteStyle = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:"Noto Sans","Liberation Sans",Arial,sans-serif;color:#1d1b19;background:#f6f4ef;line-height:1.5;font-size:17px}
a{color:#9c1c1c}
a:focus-visible,button:focus-visible,input:focus-visible{outline:3px solid #7a1014;outline-offset:2px}
header.site :focus-visible,footer.site :focus-visible{outline-color:#ffd25a}
img{max-width:100%;height:auto}
.wrap{max-width:1160px;margin:0 auto;padding:0 18px}
.skip{position:absolute;left:-9999px;top:0;background:#fff;color:#000;padding:8px 12px;z-index:10}
.skip:focus{left:8px;top:8px}
header.site{background:#a4161a;color:#fff}
header.site a{color:#fff}
.masthead{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:6px 16px;padding:12px 18px 8px}
.brand{display:flex;align-items:center;gap:10px;text-decoration:none;font-weight:700;line-height:1.25}
.brand small{display:block;font-weight:400;font-size:13px;opacity:.92;text-transform:uppercase;letter-spacing:.02em}
.brand .mark{flex:none;width:40px;height:40px;border-radius:50%;background:#ffd25a;color:#a4161a;display:grid;place-items:center;font-weight:800;font-size:20px}
.tools{display:flex;flex-wrap:wrap;align-items:center;gap:6px 14px;font-size:14px}
.tools [aria-current]{font-weight:700}
form.search{display:flex;gap:0}
form.search input{width:min(220px,52vw);padding:6px 10px;border:1px solid #e9c9c9;border-radius:6px 0 0 6px;font:inherit;font-size:15px}
form.search button{padding:6px 10px;border:0;border-radius:0 6px 6px 0;background:#ffd25a;color:#5a1010;font:inherit;font-size:15px;font-weight:700;cursor:pointer}
nav.sections{background:#8a1216}
nav.sections ul{display:flex;gap:2px;margin:0 auto;padding:0 12px;list-style:none;overflow-x:auto;max-width:1160px;scrollbar-width:none}
nav.sections a{display:block;padding:10px 12px;text-decoration:none;white-space:nowrap;font-size:15px}
nav.sections a[aria-current="page"]{background:#f6f4ef;color:#8a1216;font-weight:700;border-radius:6px 6px 0 0}
main{display:block;padding:8px 0 24px}
h1{font-size:clamp(24px,3.8vw,36px);line-height:1.25;margin:22px 0 8px;overflow-wrap:anywhere}
h2{font-size:clamp(20px,2.6vw,25px);margin:30px 0 12px;padding-bottom:4px;border-bottom:2px solid #e2d6c2}
h3{font-size:18px;margin:16px 0 6px;line-height:1.35}
.lead{font-size:19px;color:#3b342e;margin:6px 0 14px}
.muted{color:#5f564d;font-size:15px}
.crumbs{font-size:14px;margin:14px 0 0;color:#5f564d}
.crumbs a{color:#5f564d}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,290px),1fr));gap:16px}
.card{background:#fff;border:1px solid #e4dccd;border-radius:10px;overflow:hidden;display:flex;flex-direction:column}
.card .body{padding:12px 14px 14px}
.card h3{margin:4px 0 6px}
.card h3 a{text-decoration:none;color:#1d1b19}
.card h3 a:hover{color:#9c1c1c;text-decoration:underline}
.card picture img,.card>img{display:block;width:100%;aspect-ratio:16/9;object-fit:cover;background:#e9e2d4}
.tag{display:inline-block;font-size:13px;background:#f1e6d2;color:#5a3b12;border-radius:4px;padding:1px 7px;margin:0 4px 4px 0;text-decoration:none}
.badge{display:inline-block;background:#b4121b;color:#fff;border-radius:4px;padding:0 7px;font-size:13px;font-weight:700}
ul.plain{list-style:none;padding:0;margin:0}
ul.rows{list-style:none;padding:0;margin:0;display:grid;gap:10px}
ul.rows li{background:#fff;border:1px solid #e4dccd;border-radius:10px;padding:12px 14px}
table{border-collapse:collapse;width:100%;background:#fff;font-size:15px}
th,td{border:1px solid #e4dccd;padding:7px 9px;text-align:left;vertical-align:top}
th{background:#efe8dc}
.scroll{overflow-x:auto}
nav.pages{display:flex;justify-content:space-between;gap:12px;margin:22px 0}
footer.site{margin-top:30px;background:#2b2320;color:#efe7dc;font-size:15px}
footer.site a{color:#ffd9a0}
footer.site .wrap{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(100%,240px),1fr));gap:10px 30px;padding:22px 18px 28px}
footer.site p{margin:4px 0}
@media (max-width:640px){nav.sections ul{flex-wrap:wrap;overflow:visible;padding:4px 8px}nav.sections a{padding:6px 10px}nav.sections a[aria-current="page"]{border-radius:6px}}
@media (max-width:480px){body{font-size:16px}.wrap,.masthead{padding-left:12px;padding-right:12px}th,td{padding:5px 6px;font-size:14px}}
@media print{header.site,nav.sections,footer.site,form.search{display:none}body{background:#fff}}
`;
