import type { FacilityCategory } from '../../shared/facilities';
import type { ProjectCategory } from '../../shared/projects';

/** The facility category an annotation on a project starts with (the user can change it). */
const BY_PROJECT_CATEGORY: Record<ProjectCategory, FacilityCategory> = {
  保障性安居工程及老旧小区改造: 'other',
  教育: 'education',
  医疗: 'health',
  体育: 'sports',
  社会福利和养老服务: 'elderly',
  社会救助: 'social-assistance',
  文化: 'culture',
  专项社会事务: 'other',
  数字社会系统建设: 'other',
  中医药: 'health',
};

export function facilityCategoryOfProject(category: ProjectCategory): FacilityCategory {
  return BY_PROJECT_CATEGORY[category];
}
