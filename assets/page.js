() => {
  // The page script, run once when the app has mounted (app.py passes it to launch(js=...)).

  // Every digit pad gets its brush picked as it appears: Gradio's editor starts with no tool, so a stroke drew nothing.
  const pickBrushes = () => document.querySelectorAll(".digit-pad:not([data-brush])").forEach((pad) => {
    const brush = pad.querySelector('button[aria-label="Brush"]');
    if (brush) { brush.click(); pad.setAttribute("data-brush", "on"); }
  });
  new MutationObserver(pickBrushes).observe(document.body, { childList: true, subtree: true });
  pickBrushes();

  // A click on a tab puts it into the address (?tab=<id>, no reload), so that a copied link opens it.
  const tabId = (button) => button.id.replace(/^tab-/, "").replace(/-button$/, "");
  document.addEventListener("click", (event) => {
    const button = event.target.closest('[role="tab"][id^="tab-"]');
    if (!button) return;
    const url = new URL(window.location);
    url.searchParams.set("tab", tabId(button));
    window.history.replaceState(null, "", url);
  });

  // A deep link opens its tab at once by clicking its button (an unknown one is named by the server's warning).
  const wanted = new URL(window.location).searchParams.get("tab");
  const wantedButton = () => (wanted ? document.getElementById(`tab-${wanted}-button`) : null);
  const deepLinkPending = () => {
    const button = wantedButton();
    return button !== null && button.getAttribute("aria-selected") !== "true";
  };
  if (deepLinkPending()) wantedButton().click();

  // Each tab computes its opening panels the first time it is on screen: its hidden opener button (demos/opening.py)
  // is clicked once. Gradio mounts a tab's contents when it is first selected and keeps them, hidden, afterwards.
  const opened = new Set();
  const openShown = () => {
    if (deepLinkPending()) return; // not the first tab's panels while the linked one is still on its way
    document.querySelectorAll(".tab-opener").forEach((button) => {
      const panel = button.closest('[role="tabpanel"]');
      if (opened.has(button.id) || (panel && !panel.checkVisibility())) return;
      opened.add(button.id);
      button.click();
    });
  };
  new MutationObserver(openShown).observe(document.body, { childList: true, subtree: true });
  document.addEventListener("click", (event) => {
    if (event.target.closest('[role="tab"]')) setTimeout(openShown, 0);
  });
  setTimeout(openShown, 0);
}
