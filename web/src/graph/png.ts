import type { ExplorerSigma } from './GraphCanvas.js';

/**
 * The canvas as a PNG, on white. sigma draws into a WebGL buffer that the browser clears once
 * shown, so the picture is copied in the same task as a render forced for it.
 * (@sigma/export-image 3 calls sigma 3's `getCanvases`, which sigma 4 no longer has.)
 */
export function pngOf(sigma: ExplorerSigma): Promise<Blob> {
  sigma.refresh();
  const stage = sigma.getStageCanvas();
  const canvas = document.createElement('canvas');
  canvas.width = stage.width;
  canvas.height = stage.height;
  const context = canvas.getContext('2d');
  if (context === null) return Promise.reject(new Error('This browser cannot draw a 2D canvas.'));
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(stage, 0, 0);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => {
      if (blob === null) reject(new Error('The browser made no PNG of the graph.'));
      else resolve(blob);
    }, 'image/png');
  });
}
