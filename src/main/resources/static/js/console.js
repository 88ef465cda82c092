// The hotline console's keys: Alt+<letter> acts on the element marked data-key="<letter>" (a field gets the focus,
// a link or button is activated); Alt+B without such an element focuses the first offer. A page puts the focus on its
// element marked data-autofocus, else on the first field of a form marked data-focus-first. The household select shows
// as many person rows as people; pages put the focus where the agent continues (data-autofocus).
(function () {
    'use strict';

    function visible(el) {
        return el && !el.closest('[hidden]') && el.getClientRects().length > 0;
    }

    document.addEventListener('keydown', function (event) {
        if (!event.altKey || event.ctrlKey || event.metaKey || event.key.length !== 1) {
            return;
        }
        var key = event.key.toLowerCase();
        // the page's own element first (the search form's first field), else the header's (the link to the search)
        var candidates = Array.prototype.filter.call(document.querySelectorAll('[data-key="' + key + '"]'), visible);
        var target = candidates.find(function (el) { return el.closest('main'); }) || candidates[0];
        if (!target && key === 'b') {
            target = Array.prototype.find.call(document.querySelectorAll('button.offer'), visible);
            if (target) {
                event.preventDefault();
                target.focus();
            }
            return;
        }
        if (!target) {
            return;
        }
        event.preventDefault();
        if (target.matches('input, select, textarea')) {
            target.focus();
            if (target.select && target.type === 'text') {
                target.select();
            }
        } else {
            target.click();
        }
    });

    function showPersons(select) {
        var count = parseInt(select.value, 10) || 1;
        document.querySelectorAll('[data-person-row]').forEach(function (row) {
            var shown = parseInt(row.getAttribute('data-person-row'), 10) < count;
            row.hidden = !shown;
            row.querySelectorAll('input').forEach(function (input) {
                input.disabled = !shown;
            });
        });
    }

    document.addEventListener('DOMContentLoaded', function () {
        var household = document.querySelector('[data-household]');
        if (household) {
            showPersons(household);
            household.addEventListener('change', function () {
                showPersons(household);
            });
        }
        document.querySelectorAll('[data-print]').forEach(function (button) {
            button.addEventListener('click', function () {
                window.print();
            });
        });
        var focus = document.querySelector('[data-autofocus]');
        if (!focus) {
            var form = document.querySelector('form[data-focus-first]');
            focus = form && Array.prototype.find.call(form.querySelectorAll('input:not([type=hidden]), select'), visible);
        }
        if (focus) {
            focus.focus();
        }
    });
})();
