// Before the first paint: applies the reader's saved colour theme, so a dark
// choice never flashes light, and marks an embed. A file rather than an inline script: CSP-friendly.
// The key is crate::storage::THEME_KEY.
try {
  const theme = localStorage.getItem('pyplay:v1:theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch { /* storage disabled: follow the system */ }

// An embed (`?embed`, crate::embed::requested) shows its snippet only, never
// the home page written into index.html at build time (style.css hides it).
if (location.search.replace(/^\?/, '').split('&').some((p) => p === 'embed' || p.startsWith('embed='))) {
  document.documentElement.dataset.embed = '';
}
