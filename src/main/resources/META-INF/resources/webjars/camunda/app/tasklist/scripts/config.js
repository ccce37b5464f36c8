/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

/*
 * SevaHub's copy of Camunda Tasklist 7.24's scripts/config.js, served in place of the webjar's (the starter resolves
 * each webapp file on the classpath, the project's own first). Everything the webjar's file sets is kept as it was;
 * SevaHub adds the locales and the shortcuts' descriptions in them.
 */

// SevaHub: the locales Tasklist offers (below), and the keyboard shortcuts' descriptions in the one it shows. This
// file lists every language SevaHub bundles; TasklistLanguages serves it with AVAILABLE_LOCALES and FALLBACK_LOCALE
// rewritten to the installation's sevahub.languages, its default first (keep each on one line as it is). Tasklist
// shows its own words in the browser's first language if it is offered, else the fallback (7.24's
// determinePreferredLanguage); the shortcuts' descriptions are not among its words but this file's, so they are
// chosen here the same way. The verbs are the ones Tasklist's own words use (कार्य लें, কাজটি নিন, काम स्वीकारा).
const AVAILABLE_LOCALES = ['en', 'hi', 'bn', 'mr'];
const FALLBACK_LOCALE = 'en';
const SHORTCUTS = {
  en: {
    claimTask: 'claims the currently selected task',
    focusFilter: 'set the focus to the first filter in the list',
    focusList: 'sets the focus to the first task in the list',
    focusForm: 'sets the focus to the first input field in a task form',
    startProcess: 'opens the start process modal dialog'
  },
  hi: {
    claimTask: 'चुना हुआ कार्य आपके नाम लेता है',
    focusFilter: 'सूची के पहले फ़िल्टर पर ले जाता है',
    focusList: 'सूची के पहले कार्य पर ले जाता है',
    focusForm: 'कार्य के फ़ॉर्म के पहले भरने वाले खाने पर ले जाता है',
    startProcess: 'प्रक्रिया आरंभ करने की खिड़की खोलता है'
  },
  bn: {
    claimTask: 'বাছাই করা কাজটি আপনার নামে নেয়',
    focusFilter: 'তালিকার প্রথম ফিল্টারে নিয়ে যায়',
    focusList: 'তালিকার প্রথম কাজে নিয়ে যায়',
    focusForm: 'কাজের ফর্মের প্রথম পূরণ করার ঘরে নিয়ে যায়',
    startProcess: 'প্রক্রিয়া শুরু করার জানালা খোলে'
  },
  mr: {
    claimTask: 'निवडलेले काम तुमच्याकडे स्वीकारते',
    focusFilter: 'यादीतील पहिल्या फिल्टरवर नेते',
    focusList: 'यादीतील पहिल्या कामावर नेते',
    focusForm: 'कामाच्या फॉर्ममधील पहिल्या भरायच्या रकान्यावर नेते',
    startProcess: 'प्रक्रिया सुरू करण्याची खिडकी उघडते'
  }
};
const browserLanguage = ((Array.isArray(navigator.languages) ? navigator.languages[0] : navigator.language) || '')
  .split('-')[0]
  .toLowerCase();
const shown = AVAILABLE_LOCALES.includes(browserLanguage) ? browserLanguage : FALLBACK_LOCALE;
const describe = key => (SHORTCUTS[shown] || SHORTCUTS.en)[key];

export default {
  // change the app name and vendor
  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  //
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // SevaHub: Tasklist's own words (menus, filters, Claim, Complete, the login page, dates) in every language
  // SevaHub bundles (Languages.BUNDLED), from ../locales/<code>.json beside the webjar's en.json. Tasklist takes
  // the first language of the officer's browser (navigator.languages[0], "hi-IN" reads as "hi") if it is listed
  // here, else the fallback; 7.24 has no language switch of its own. TasklistLocalesTest holds the files to en.json.
  locales: {
    availableLocales: AVAILABLE_LOCALES,
    fallbackLocale: FALLBACK_LOCALE
  },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'tasklist' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false,
  // assignProcessInstanceIdToTaskComment: true,

  shortcuts: {
    claimTask: {
      key: 'ctrl+alt+c',
      description: describe('claimTask')
    },
    focusFilter: {
      key: 'ctrl+shift+f',
      description: describe('focusFilter')
    },
    focusList: {
      key: 'ctrl+alt+l',
      description: describe('focusList')
    },
    focusForm: {
      key: 'ctrl+alt+f',
      description: describe('focusForm')
    },
    startProcess: {
      key: 'ctrl+alt+p',
      description: describe('startProcess')
    }
  }
};
