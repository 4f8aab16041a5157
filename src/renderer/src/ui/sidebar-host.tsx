import { useStore } from 'zustand';
import { FacilitiesTab, ProjectsTab } from '../catalogue/catalogue-tabs';
import { useRunExportMetadata } from '../coverage/coverage-session';
import { CoverageWorkspace } from '../coverage/coverage-workspace';
import { FieldWorkspace } from '../field/field-workspace';
import { useAppStores } from '../stores/app-stores';
import { LayerPanel } from './layer-panel';
import { Sidebar } from './sidebar';

/** The sidebar and the content of its open tab. */
export function SidebarHost() {
  const { ui } = useAppStores();
  const open = useStore(ui, (s) => s.sidebarOpen);
  const tab = useStore(ui, (s) => s.sidebarTab);
  if (!open) return null;
  return (
    <Sidebar tab={tab} onTabChange={ui.getState().setSidebarTab} onClose={() => ui.getState().setSidebarOpen(false)}>
      {tab === 'layers' && <LayersTab />}
      {tab === 'projects' && <ProjectsTab />}
      {tab === 'coverage' && <CoverageWorkspace />}
      {tab === 'field' && <FieldWorkspace />}
      {tab === 'facilities' && <FacilitiesTab />}
    </Sidebar>
  );
}

/** The layers tab: visibility, opacity and order of the layer groups, and the legend. */
function LayersTab() {
  const { ui } = useAppStores();
  const layerState = useStore(ui, (s) => s.layerState);
  const { bands } = useRunExportMetadata();
  return (
    <LayerPanel
      state={layerState}
      onChange={ui.getState().setLayerState}
      onReset={ui.getState().resetLayerState}
      coverage={bands}
    />
  );
}
