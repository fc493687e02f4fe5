import { loadParser, splitStatements } from './sql/parser.js';
await loadParser();
console.log(splitStatements('select 1; select 2').length);
