/*
 * Supporting documents on the citizen's form (templates/fragments/documents.html). Without this script the chosen
 * files travel with the form and the server answers as for any field. With it:
 *  - on a saved application, each file is sent as soon as it is chosen (POST /applications/{no}/documents/{code},
 *    multipart, the CSRF token in X-XSRF-TOKEN), with its progress; the answer says what is still missing;
 *  - on a form not saved yet, the whole form is sent with a progress bar, and the server's page is shown.
 * The server decides everything (types, size, scan): this only reports what it said.
 */
(function () {
  'use strict';

  function text(panel, name, a, b) {
    return (panel.getAttribute('data-text-' + name) || '').replace('{0}', a || '').replace('{1}', b || '');
  }

  function csrfToken(form) {
    var input = form.querySelector('input[name="_csrf"]');
    return input ? input.value : '';
  }

  function show(element, visible) {
    if (element) {
      element.classList.toggle('hidden', !visible);
    }
  }

  function updateMissing(panel, missing) {
    var box = panel.querySelector('#documents-missing');
    if (!box) {
      return;
    }
    var list = box.querySelector('ul');
    list.textContent = '';
    missing.forEach(function (name) {
      var li = document.createElement('li');
      li.textContent = name;
      list.appendChild(li);
    });
    // Once nothing is missing the box says so, no longer headed "Still missing".
    show(box.querySelector('.doc-missing-heading'), missing.length > 0);
    show(list, missing.length > 0);
    show(box.querySelector('.doc-complete'), missing.length === 0);
  }

  function showHeld(panel, item, file) {
    var held = item.querySelector('.doc-held');
    held.querySelector('.doc-held-text').textContent = text(panel, 'held', file.fileName, file.size);
    held.querySelector('.doc-view').setAttribute('href', file.link);
    show(held, true);
    item.classList.remove('has-error');
    item.querySelectorAll('.doc-error, .doc-asked').forEach(function (p) { p.remove(); });
  }

  function sendOne(panel, form, item, input) {
    var file = input.files[0];
    if (!file) {
      return;
    }
    var progress = item.querySelector('.doc-progress');
    var status = item.querySelector('.doc-status');
    var data = new FormData();
    data.append('file', file, file.name);
    var xhr = new XMLHttpRequest();
    xhr.open('POST', panel.getAttribute('data-upload-url') + item.getAttribute('data-code'));
    xhr.setRequestHeader('X-XSRF-TOKEN', csrfToken(form));
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        progress.value = Math.round(100 * e.loaded / e.total);
      }
    });
    xhr.addEventListener('load', function () {
      progress.hidden = true;
      var answer = null;
      try {
        answer = JSON.parse(xhr.responseText);
      } catch (notJson) {
        answer = null;
      }
      if (xhr.status === 201 && answer) {
        // Kept: it must not travel again with the form.
        input.value = '';
        showHeld(panel, item, answer.document);
        status.textContent = text(panel, 'uploaded', answer.document.fileName);
        updateMissing(panel, answer.documents.missing);
      } else {
        item.classList.add('has-error');
        // A refused CSRF token means the page is out of date (its cookie gone), said in the citizen's language.
        status.textContent = answer && answer.error === 'stale-page' ? text(panel, 'stale')
          : text(panel, 'failed', answer && answer.message ? answer.message : xhr.status);
        input.value = '';
      }
    });
    xhr.addEventListener('error', function () {
      progress.hidden = true;
      status.textContent = text(panel, 'network');
    });
    progress.value = 0;
    progress.hidden = false;
    status.textContent = text(panel, 'uploading', file.name);
    xhr.send(data);
  }

  /** A form not saved yet goes whole, files included, with one progress bar; the server's page then shows. */
  function sendForm(panel, form, event) {
    var chosen = Array.prototype.some.call(form.querySelectorAll('input[type=file]'), function (i) {
      return i.files.length > 0;
    });
    if (!chosen) {
      return;
    }
    event.preventDefault();
    var data = new FormData(form);
    if (event.submitter && event.submitter.name) {
      data.append(event.submitter.name, event.submitter.value);
    }
    var progress = form.querySelector('.actions progress') || document.createElement('progress');
    progress.max = 100;
    progress.value = 0;
    progress.className = 'doc-progress';
    form.querySelector('.actions').appendChild(progress);
    form.querySelectorAll('button').forEach(function (b) { b.disabled = true; });
    // Not form.action: the form's buttons are named "action", which shadows the property.
    var target = new URL(form.getAttribute('action'), window.location.href).href;
    var xhr = new XMLHttpRequest();
    xhr.open('POST', target);
    xhr.upload.addEventListener('progress', function (e) {
      if (e.lengthComputable) {
        progress.value = Math.round(100 * e.loaded / e.total);
      }
    });
    xhr.addEventListener('load', function () {
      if (xhr.responseURL && xhr.responseURL !== target && xhr.status < 400) {
        window.location.assign(xhr.responseURL);
        return;
      }
      var page = new DOMParser().parseFromString(xhr.responseText, 'text/html');
      document.title = page.title;
      document.body.replaceWith(page.body);
      start();
      window.scrollTo(0, 0);
    });
    xhr.addEventListener('error', function () {
      form.querySelectorAll('button').forEach(function (b) { b.disabled = false; });
      progress.remove();
      window.alert(text(panel, 'network'));
    });
    xhr.send(data);
  }

  function start() {
    var panel = document.getElementById('documents');
    var form = document.getElementById('citizen-form');
    if (!panel || !form) {
      return;
    }
    if (panel.getAttribute('data-upload-url')) {
      panel.querySelectorAll('.document input[type=file]').forEach(function (input) {
        input.addEventListener('change', function () {
          sendOne(panel, form, input.closest('.document'), input);
        });
      });
    } else {
      form.addEventListener('submit', function (event) {
        sendForm(panel, form, event);
      });
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
