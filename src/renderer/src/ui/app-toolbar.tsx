import { useStore } from 'zustand';
import { SearchBox } from '../catalogue/search-box';
import { useAppStores } from '../stores/app-stores';
import { Toolbar } from './toolbar';

/** The toolbar: search, panels, dialogs, language. */
export function AppToolbar() {
  const { map, catalogue, ui } = useAppStores();
  const projects = useStore(catalogue, (s) => s.projects);
  const facilities = useStore(catalogue, (s) => s.facilities);
  const tableOpen = useStore(ui, (s) => s.dialogs.table);
  const sidebarOpen = useStore(ui, (s) => s.sidebarOpen);
  const actions = ui.getState();
  return (
    <Toolbar
      search={
        <SearchBox
          projects={projects}
          facilities={facilities}
          onChoose={(ref) => actions.selectCatalogueItem(ref, { fly: true })}
        />
      }
      tableOpen={tableOpen}
      onToggleTable={() => actions.toggleDialog('table')}
      layerPanelOpen={sidebarOpen}
      onToggleLayers={actions.toggleSidebar}
      onZoomToCity={() => map.getState().controller?.zoomToCity()}
      onToggleLanguage={actions.toggleLanguage}
      onAbout={() => actions.openDialog('about')}
      onOpenFile={() => void actions.openFile()}
      onIndicators={() => actions.openDialog('indicators')}
      onExport={() => actions.openDialog('export')}
    />
  );
}
