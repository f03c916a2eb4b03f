/**
 * The playground's entry: styles, then the app in #app.
 */
import './styles.css';
import { startApp } from './app/app.js';

startApp(document.getElementById('app') as HTMLElement);
