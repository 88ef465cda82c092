// The live parts of the portal. Every page works without this script; it only adds what needs a connection:
// the centre list over server-sent events, waiting-room polling, the countdown of held appointments and printing.
(function () {
    "use strict";

    function liveCentres() {
        var list = document.querySelector("[data-live-centres]");
        if (!list || !window.EventSource) {
            return;
        }
        var pending = false;
        function refresh() {
            if (pending) {
                return;
            }
            pending = true;
            fetch("/fragments/centres" + window.location.search, {headers: {"Accept": "text/html"}})
                .then(function (response) { return response.ok ? response.text() : null; })
                .then(function (html) {
                    pending = false;
                    if (!html) {
                        return;
                    }
                    var holder = document.createElement("div");
                    holder.innerHTML = html;
                    var fresh = holder.querySelector("[data-live-centres]");
                    var current = document.querySelector("[data-live-centres]");
                    if (fresh && current && fresh.innerHTML !== current.innerHTML) {
                        current.innerHTML = fresh.innerHTML;
                    }
                })
                .catch(function () { pending = false; });
        }
        var stream = new EventSource("/api/v1/availability/stream");
        stream.addEventListener("availability", refresh);
        window.addEventListener("pagehide", function () { stream.close(); });
    }

    function waitingRoom() {
        var main = document.querySelector("main[data-ticket]");
        if (!main) {
            return;
        }
        var ticket = main.getAttribute("data-ticket");
        // A long poll: the server answers as soon as it is this ticket's turn, or after 25 s with the new position,
        // so a waiting page asks about twice a minute however long the queue, and moves on within a moment of its
        // turn. After a failure it asks again in 5 to 15 s, so that a restarting server is not hit by every page at once.
        function poll() {
            fetch("/api/v1/waiting-room/tickets/" + encodeURIComponent(ticket) + "?wait=25",
                    {headers: {"Accept": "application/json"}})
                .then(function (response) { return response.ok ? response.json() : null; })
                .then(function (status) {
                    if (!status) {
                        return;
                    }
                    if (status.state !== "WAITING") {
                        window.location.assign("/waiting-room");
                        return;
                    }
                    var position = main.querySelector("[data-position]");
                    if (position) {
                        position.textContent = String(status.position);
                    }
                    poll();
                })
                .catch(function () { setTimeout(poll, Math.round(5000 + 10000 * Math.random())); });
        }
        poll();
    }

    function countdown() {
        var element = document.querySelector("[data-countdown]");
        if (!element) {
            return;
        }
        var end = Date.now() + Number(element.getAttribute("data-seconds")) * 1000;
        var template = element.getAttribute("data-template") || "{0}:{1}";
        function tick() {
            var left = Math.max(0, Math.round((end - Date.now()) / 1000));
            element.textContent = template.replace("{0}", String(Math.floor(left / 60)))
                .replace("{1}", String(left % 60).padStart(2, "0"));
            if (left > 0) {
                setTimeout(tick, 1000);
            }
        }
        tick();
    }

    function printButtons() {
        document.querySelectorAll("[data-print]").forEach(function (button) {
            button.hidden = false;
            button.addEventListener("click", function () { window.print(); });
        });
    }

    function focusErrorSummary() {
        var summary = document.getElementById("error-summary");
        if (summary) {
            summary.focus();
        }
    }

    document.addEventListener("DOMContentLoaded", function () {
        liveCentres();
        waitingRoom();
        countdown();
        printButtons();
        focusErrorSummary();
    });
})();
