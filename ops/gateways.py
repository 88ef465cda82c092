#!/usr/bin/env python3
"""Stand-ins for the SMS provider (HTTP) and the SMTP server that the app's outbox sends to, for ops/ runs only.

Both listen on 127.0.0.1 and append every message they accept to a log, one JSON object a line:
{"channel": "SMS"|"EMAIL", "to": ..., "subject": ..., "text": ...}, so that a run can check afterwards that each
outbox message arrived exactly once. While the file FAIL_FLAG exists both refuse everything as a provider in trouble
would: the SMS endpoint answers 503, the SMTP server greets with 421 and hangs up. The app treats both as temporary
and retries with backoff.

Usage: gateways.py SMS_PORT SMTP_PORT LOG_FILE FAIL_FLAG
"""
import email
import email.policy
import json
import os
import socketserver
import sys
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

sms_port, smtp_port, log_path, fail_flag = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
log_lock = threading.Lock()


def failing():
    return os.path.exists(fail_flag)


def accepted(channel, to, subject, text):
    line = json.dumps({"channel": channel, "to": to, "subject": subject, "text": text}, ensure_ascii=False)
    with log_lock, open(log_path, "a", encoding="utf-8") as log:
        log.write(line + "\n")
        log.flush()


class Sms(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if failing():
            self.answer(503, b'{"error":"temporarily unavailable"}')
            return
        try:
            message = json.loads(body)
            accepted("SMS", message["to"], None, message["text"])
        except (ValueError, KeyError):
            self.answer(400, b'{"error":"bad request"}')
            return
        self.answer(200, b'{"status":"accepted"}')

    def answer(self, status, body):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Smtp(socketserver.StreamRequestHandler):
    """Just enough SMTP for JavaMail: EHLO/HELO, MAIL, RCPT, DATA, RSET, NOOP, QUIT; no STARTTLS, no AUTH."""

    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        if failing():
            self.reply("421 4.3.2 Service not available, try again later")
            return
        self.reply("220 localhost ESMTP impftermin-ops")
        recipients = []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            command = line.decode("utf-8", "replace").strip()
            verb = command[:4].upper()
            if verb in ("EHLO", "HELO"):
                self.reply("250-localhost" if verb == "EHLO" else "250 localhost")
                if verb == "EHLO":
                    self.reply("250-8BITMIME")
                    self.reply("250 SIZE 10485760")
            elif verb == "MAIL":
                recipients = []
                self.reply("250 2.1.0 OK")
            elif verb == "RCPT":
                recipients.append(command.split(":", 1)[1].strip().strip("<>"))
                self.reply("250 2.1.5 OK")
            elif verb == "DATA":
                self.reply("354 End data with <CR><LF>.<CR><LF>")
                data = bytearray()
                while True:
                    chunk = self.rfile.readline()
                    if not chunk or chunk in (b".\r\n", b".\n"):
                        break
                    data += chunk[1:] if chunk.startswith(b"..") else chunk
                message = email.message_from_bytes(bytes(data), policy=email.policy.default)
                part = message.get_body(preferencelist=("plain",))
                text = part.get_content() if part is not None else ""
                for to in recipients:
                    accepted("EMAIL", to, str(message["Subject"] or ""), text)
                self.reply("250 2.0.0 OK: queued")
            elif verb in ("RSET", "NOOP"):
                self.reply("250 2.0.0 OK")
            elif verb == "QUIT":
                self.reply("221 2.0.0 Bye")
                return
            else:
                self.reply("502 5.5.2 Command not recognized")


class SmtpServer(socketserver.ThreadingTCPServer):
    daemon_threads = True
    allow_reuse_address = True


sms = ThreadingHTTPServer(("127.0.0.1", sms_port), Sms)
sms.daemon_threads = True
threading.Thread(target=sms.serve_forever, daemon=True).start()
SmtpServer(("127.0.0.1", smtp_port), Smtp).serve_forever()
