import { useEffect, useRef, useState } from "react"

/** Width of an element, followed as it resizes, for SVG drawings that fill their container. */
export const useElementWidth = <T extends HTMLElement = HTMLDivElement>(initial = 640, min = 280) => {
  const ref = useRef<T>(null)
  const [width, setWidth] = useState(initial)
  useEffect(() => {
    const el = ref.current
    if (!el || typeof ResizeObserver === "undefined") return
    const observer = new ResizeObserver(([entry]) => setWidth(Math.max(min, Math.floor(entry.contentRect.width))))
    observer.observe(el)
    return () => observer.disconnect()
  }, [min])
  return { ref, width }
}
