// Follows GET /v1/events/live (Server-Sent Events). EventSource cannot send
// an Authorization header, so the stream is read with fetch and parsed
// here: "id: <position>", "event: <type>", "data: <CloudEvent>", blank line.
// On a dropped connection it reconnects with Last-Event-ID, so no event in
// between is missed; on 401 it stops and reports it.
import { token } from './api.js';

export class LiveFeed {
  // onEvent({position, type, data}); onState('connecting'|'live'|'offline'|'unauthorized')
  constructor({ onEvent, onState }) {
    this.onEvent = onEvent;
    this.onState = onState;
    this.lastPosition = null;
    this.controller = null;
    this.stopped = true;
  }

  // Starts after `position` (the position the views were read at), so an
  // event between reading the views and subscribing is not lost.
  start(position) {
    this.stop();
    this.stopped = false;
    this.lastPosition = position ?? null;
    this.run();
  }

  stop() {
    this.stopped = true;
    if (this.controller) this.controller.abort();
    this.controller = null;
  }

  async run() {
    while (!this.stopped) {
      this.onState('connecting');
      this.controller = new AbortController();
      const headers = { Authorization: `Bearer ${token()}`, Accept: 'text/event-stream' };
      if (this.lastPosition !== null) headers['Last-Event-ID'] = String(this.lastPosition);
      try {
        const response = await fetch('/v1/events/live', { headers, signal: this.controller.signal, cache: 'no-store' });
        if (response.status === 401 || response.status === 403) {
          this.onState('unauthorized');
          this.stopped = true;
          return;
        }
        if (!response.ok || !response.body) throw new Error(`live feed answered ${response.status}`);
        this.onState('live');
        await this.read(response.body);
      } catch (error) {
        if (this.stopped) return;
      }
      if (this.stopped) return;
      this.onState('offline');
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
  }

  async read(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let frame = { id: null, type: 'message', data: [] };
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let newline;
      while ((newline = buffer.search(/\r\n|\n|\r/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          this.dispatch(frame);
          frame = { id: null, type: 'message', data: [] };
          continue;
        }
        if (line.startsWith(':')) continue;  // heartbeat comment
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let text = colon < 0 ? '' : line.slice(colon + 1);
        if (text.startsWith(' ')) text = text.slice(1);
        if (field === 'id') frame.id = text;
        else if (field === 'event') frame.type = text;
        else if (field === 'data') frame.data.push(text);
      }
    }
  }

  dispatch(frame) {
    if (frame.data.length === 0) return;
    const position = frame.id === null ? null : Number(frame.id);
    if (position !== null && Number.isFinite(position)) this.lastPosition = position;
    let data = null;
    try {
      data = JSON.parse(frame.data.join('\n'));
    } catch {
      data = null;
    }
    this.onEvent({ position, type: frame.type, data });
  }
}
