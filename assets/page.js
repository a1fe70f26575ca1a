() => {
  // The page script, run once when the app has mounted (app.py passes it to launch(js=...)).

  // Every digit pad gets its brush picked as it appears: Gradio's editor starts with no tool, so a stroke drew nothing.
  const pickBrushes = () => document.querySelectorAll(".digit-pad:not([data-brush])").forEach((pad) => {
    const brush = pad.querySelector('button[aria-label="Brush"]');
    if (brush) { brush.click(); pad.setAttribute("data-brush", "on"); }
  });
  new MutationObserver(pickBrushes).observe(document.body, { childList: true, subtree: true });
  pickBrushes();

  // A digit pad's button uses the input chosen last (demos/digit_input.py): a stroke on the pad, or a test digit
  // picked beside it. Marked on the pad at once: the pad's own change event comes only after it has exported the
  // picture, later than a quick click on the button.
  document.addEventListener("pointerdown", (event) => {
    const pad = event.target.closest(".digit-pad");
    if (pad) pad.dataset.choice = "drawing";
  });
  document.addEventListener("change", (event) => {
    const pad = event.target.closest(".digit-choices")?.parentElement.closest(".column")?.querySelector(".digit-pad");
    if (pad) pad.dataset.choice = "digit";
  });

  // The address follows the tab and its linked controls (demos/opening.py): ?tab=<id>&<key>=<value>..., each tab's
  // values remembered, so that switching back restores them and a copied link opens the same view.
  const tabId = (button) => button.id.replace(/^tab-/, "").replace(/-button$/, "");
  const selectedTab = () => {
    const button = document.querySelector('[role="tab"][id^="tab-"][aria-selected="true"]');
    return button ? tabId(button) : "";
  };
  const start = new URL(window.location);
  const memory = { [start.searchParams.get("tab") || selectedTab()]: Object.fromEntries(
    [...start.searchParams].filter(([key]) => key !== "tab" && !key.startsWith("__"))) };
  const writeAddress = (tab) => {
    const url = new URL(window.location);
    for (const key of [...url.searchParams.keys()]) if (!key.startsWith("__")) url.searchParams.delete(key);
    if (tab) url.searchParams.set("tab", tab);
    for (const [key, value] of Object.entries(memory[tab] || {})) url.searchParams.set(key, value);
    window.history.replaceState(null, "", url);
  };
  window.explorables = {
    remember(key, value, limit) {
      const tab = selectedTab();
      const text = String(value ?? "");
      if (text.length <= limit) (memory[tab] ||= {})[key] = text;
      else delete (memory[tab] ||= {})[key]; // too long for an address: a link opens the default instead
      writeAddress(tab);
    },
  };
  document.addEventListener("click", (event) => {
    const button = event.target.closest('[role="tab"][id^="tab-"]');
    if (button) writeAddress(tabId(button));
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
