import { useEffect, useState } from 'react';
import { type Route, routeFrom } from './route.ts';

/** The page the URL's hash names, followed as it changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeFrom(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(routeFrom(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
