/**
 * A chart drawn with Observable Plot, loaded on first use (it stays out of the first load), at the width of its
 * box (a ResizeObserver: the side panel, the phone's sheet). `draw` builds the chart from Plot and the width; it is
 * drawn again when `deps` change.
 */
import { useEffect, useRef, useState, type DependencyList } from 'react';

type Plot = typeof import('@observablehq/plot');

export function PlotFigure({
  caption,
  draw,
  deps,
  loading,
  testId,
}: {
  caption: string;
  draw(plot: Plot, width: number): Element;
  deps: DependencyList;
  /** Shown until the chart is drawn. */
  loading: string;
  testId?: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(0);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const seen = new ResizeObserver(([e]) => setWidth(Math.floor(e!.contentRect.width)));
    seen.observe(el);
    return () => seen.disconnect();
  }, []);
  useEffect(() => {
    const el = box.current;
    if (!el || width === 0) return;
    let live = true;
    void import('@observablehq/plot')
      .then((plot) => {
        if (live) el.replaceChildren(draw(plot, width));
      })
      .catch((err: unknown) => live && setFailed(String(err)));
    return () => {
      live = false;
    };
    // `draw` is a new function each render; what it draws is named by `deps`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [width, ...deps]);
  return (
    <figure className="plot-figure" data-testid={testId}>
      <figcaption>{caption}</figcaption>
      <div ref={box} className="plot" role="img" aria-label={caption}>
        <p className="muted">{loading}</p>
      </div>
      {failed && <p className="warn-text">{failed}</p>}
    </figure>
  );
}
