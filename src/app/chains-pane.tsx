/** The chain forest tab, loaded lazily like the detail pane. */
import { ChainForestView, type ChainCallbacks } from '@/ui/chain-forest-view';
import type { AnalysisViewModel } from './analysis-view-model';

export interface ChainsPaneProps {
  readonly view: AnalysisViewModel;
  readonly chainCallbacks: ChainCallbacks;
}

export default function ChainsPane({ view, chainCallbacks }: ChainsPaneProps) {
  return <ChainForestView forest={view.forest} tops={view.tops} {...chainCallbacks} />;
}
