// The clinician page's DICOM viewer: dwv (DICOM Web Viewer, from the npm registry) drawing one
// series at a time into the page, with slice scrolling, window/level and zoom/pan. The page's own
// script (clinician.js) calls window.leadflowViewer; this bundle holds no page logic.
import { App, AppOptions, ToolConfig, ViewConfig } from 'dwv';

const TOOLS = { Scroll: 'Scroll', WindowLevel: 'WindowLevel', ZoomAndPan: 'ZoomAndPan' };

/**
 * Opens a series in the element with id `containerId`.
 * urls: the series' slices in order; onChange({ slice, slices }) after load and after every move;
 * onError(message) when the files cannot be read.
 */
function open(containerId, urls, onChange, onError) {
  const app = new App();
  const options = new AppOptions({ '*': [new ViewConfig(containerId)] });
  options.tools = {
    Scroll: new ToolConfig(),
    WindowLevel: new ToolConfig(),
    ZoomAndPan: new ToolConfig()
  };
  app.init(options);

  let dataId = null;
  let slices = 0;

  function controller() {
    const layers = dataId === null ? [] : app.getViewLayersByDataId(dataId);
    return layers.length > 0 ? layers[0].getViewController() : null;
  }

  function report() {
    const vc = controller();
    if (vc) { onChange({ slice: vc.getCurrentIndex().get(2) + 1, slices }); }
  }

  app.addEventListener('load', (event) => {
    dataId = event.dataid;
    const image = app.getData(dataId).image;
    slices = image.getGeometry().getSize().get(2);
    app.setTool(TOOLS.Scroll);
    report();
  });
  app.addEventListener('positionchange', report);
  // loadend comes after load or after a failure: without data, the page must not go on saying "Loading"
  app.addEventListener('loadend', () => {
    if (dataId === null) { onError('The images could not be read.'); }
  });
  app.addEventListener('error', (event) => {
    // the reason stays in the console for whoever looks; the page says it in plain words
    console.error('viewer:', event && (event.error || event.message));
    onError('The images could not be read.');
  });
  app.addEventListener('loadabort', () => onError('Loading the images was stopped.'));
  try {
    app.loadURLs(urls);
  } catch (e) {
    console.error('viewer:', e);
    onError('The images could not be read.');
  }

  function move(forward) {
    const group = app.getActiveLayerGroup();
    const helper = group ? group.getPositionHelper() : undefined;
    if (!helper || !group.canScroll()) { return; }
    if (forward) { helper.incrementPositionAlongScroll(); } else { helper.decrementPositionAlongScroll(); }
    report();
  }

  return {
    next() { move(true); },
    previous() { move(false); },
    tool(name) { if (TOOLS[name]) { app.setTool(TOOLS[name]); } },
    reset() { app.resetDisplay(); report(); },
    resize() { app.onResize(); },
    close() { app.abortAllLoads(); app.reset(); }
  };
}

window.leadflowViewer = { open };
