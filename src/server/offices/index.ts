export { matchOffice } from './match';
export { officeProfile } from './profile';
export { addOfficeCommands } from './cli';
export { setOfficeSetting } from './settings';
