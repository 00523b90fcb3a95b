/**
 * A chart drawn with Observable Plot, loaded when the chart first comes near the screen (an IntersectionObserver:
 * a chart below the fold costs a slow link nothing until the user scrolls to it; Plot is 115 KB), at the width of
 * its box (a ResizeObserver: the side panel, the phone's sheet). `draw` builds the chart from Plot and the width; it is
 * drawn again when `deps` change.
 */
import { useEffect, useRef, useState, type DependencyList } from 'react';

type Plot = typeof import('./plot-lib.ts');

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
  const [near, setNear] = useState(false);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const seen = new ResizeObserver(([e]) => setWidth(Math.floor(e!.contentRect.width)));
    seen.observe(el);
    const approach = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) {
          setNear(true);
          approach.disconnect();
        }
      },
      { rootMargin: '200px' },
    );
    approach.observe(el);
    return () => {
      seen.disconnect();
      approach.disconnect();
    };
  }, []);
  useEffect(() => {
    const el = box.current;
    if (!el || width === 0 || !near) return;
    let live = true;
    void import('./plot-lib.ts')
      .then((plot) => {
        if (live) el.replaceChildren(draw(plot, width));
      })
      .catch((err: unknown) => live && setFailed(String(err)));
    return () => {
      live = false;
    };
    // `draw` is a new function each render; what it draws is named by `deps`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [width, near, ...deps]);
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
