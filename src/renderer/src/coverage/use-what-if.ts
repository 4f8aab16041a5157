import { useCallback, useEffect, useRef, useState } from 'react';
import type { CoverageRequest } from '../../../shared/coverage';
import { DEFAULT_TRAVEL_PROFILES } from '../../../shared/travel-profiles';
import type { ImportedPopulation } from './imported-population';
import { PreviewClient } from './preview-client';
import type { CoverageOutput } from './worker-protocol';

export interface ProposedFacility {
  id: string;
  lon: number;
  lat: number;
}

export interface WhatIfState {
  proposed: ProposedFacility[];
  closed: string[];
  preview: CoverageOutput | null;
  /** Round trip of the last preview, in ms (worker compute + messaging). */
  latencyMs: number | null;
}

/** The base run's request with facilities closed and proposed ones added. */
export function whatIfRequest(
  base: CoverageRequest,
  proposed: readonly ProposedFacility[],
  closed: readonly string[],
  label: (i: number) => string,
): CoverageRequest {
  const shut = new Set(closed);
  return {
    ...base,
    facilities: [
      ...base.facilities.filter((f) => !shut.has(f.id)),
      ...proposed.map((p, i) => ({ id: p.id, name: label(i), lon: p.lon, lat: p.lat })),
    ],
  };
}

/**
 * What-if on top of a finished run: proposed facilities (dragged on the map) and closed ones,
 * recomputed live in a preview worker, numbers only, never stored.
 */
export function useWhatIf(
  base: CoverageOutput | null,
  dataBaseUrl: string,
  dataVersion: string,
  population: ImportedPopulation | null,
  label: (i: number) => string,
) {
  const [proposed, setProposed] = useState<ProposedFacility[]>([]);
  const [closed, setClosed] = useState<string[]>([]);
  const [preview, setPreview] = useState<CoverageOutput | null>(null);
  const [latencyMs, setLatency] = useState<number | null>(null);
  const clientRef = useRef<PreviewClient | null>(null);
  const sentAt = useRef(new Map<string, number>());
  const counter = useRef(0);

  useEffect(() => {
    const client = new PreviewClient((output, runId) => {
      const started = sentAt.current.get(runId);
      sentAt.current.clear();
      if (started !== undefined) setLatency(performance.now() - started);
      setPreview(output);
    });
    clientRef.current = client;
    return () => client.dispose();
  }, []);

  // A new base run starts a fresh what-if.
  useEffect(() => {
    setProposed([]);
    setClosed([]);
    setPreview(null);
    setLatency(null);
  }, [base]);

  useEffect(() => {
    if (!base || !dataVersion || (proposed.length === 0 && closed.length === 0)) {
      setPreview(null);
      return;
    }
    const runId = `whatif-${++counter.current}`;
    sentAt.current.set(runId, performance.now());
    clientRef.current?.request({
      type: 'run',
      runId,
      dataBaseUrl,
      dataVersion,
      request: whatIfRequest(base.result.request, proposed, closed, label),
      profiles: DEFAULT_TRAVEL_PROFILES,
      ...(population ? { population: { key: population.key, bytes: population.bytes } } : {}),
    });
  }, [base, proposed, closed, dataBaseUrl, dataVersion, population, label]);

  const addProposed = useCallback((lon: number, lat: number) => {
    setProposed((prev) => [...prev, { id: `proposed-${Date.now()}-${prev.length}`, lon, lat }]);
  }, []);
  const moveProposed = useCallback((id: string, lon: number, lat: number) => {
    setProposed((prev) => prev.map((p) => (p.id === id ? { ...p, lon, lat } : p)));
  }, []);
  const removeProposed = useCallback((id: string) => setProposed((prev) => prev.filter((p) => p.id !== id)), []);
  const toggleClosed = useCallback(
    (facilityId: string) =>
      setClosed((prev) => (prev.includes(facilityId) ? prev.filter((id) => id !== facilityId) : [...prev, facilityId])),
    [],
  );
  const reset = useCallback(() => {
    setProposed([]);
    setClosed([]);
  }, []);

  const state: WhatIfState = { proposed, closed, preview, latencyMs };
  return { ...state, addProposed, moveProposed, removeProposed, toggleClosed, reset };
}
