// Applies the reader's saved colour theme before the first paint, so a dark
// choice never flashes light. A file rather than an inline script: CSP-friendly.
// The key is crate::storage::THEME_KEY.
try {
  const theme = localStorage.getItem('pyplay:v1:theme');
  if (theme === 'light' || theme === 'dark') document.documentElement.dataset.theme = theme;
} catch { /* storage disabled: follow the system */ }
