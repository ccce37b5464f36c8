import { registerClientPlugin } from 'camunda-modeler-plugin-helpers';

import { config, resolver } from '../../../.bpmnlintrc';

// The Modeler lints Camunda 7 diagrams with this { config, resolver }: bpmnlint's recommended rules and SevaHub's.
registerClientPlugin({ config, resolver }, 'lintRules.bpmn');
