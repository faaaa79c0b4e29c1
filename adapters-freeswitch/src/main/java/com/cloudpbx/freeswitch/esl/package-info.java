/**
 * The Event Socket client: one inbound connection per FreeSWITCH host ({@link
 * com.cloudpbx.freeswitch.esl.EslClient}), kept alive for the client's lifetime. It authenticates and
 * subscribes ({@code EslSessionHandler}), sends commands as {@code bgapi} and matches their replies
 * and BACKGROUND_JOB results by Job-UUID, reconnects with jittered backoff ({@link
 * com.cloudpbx.freeswitch.esl.Backoff}) when the connection ends or misses its heartbeats, and hands
 * channel events to the listener on a thread of their own through a bounded queue, stopping the
 * socket's reading when the listener falls behind ({@code EventDispatcher}).
 *
 * <p>How bytes become frames and events is the codec's business ({@code
 * com.cloudpbx.freeswitch.esl.codec}); this package uses only its public frame, event and decoder
 * types, so reconnection and command handling can change without touching the tuned decoding, and
 * the reverse.
 */
package com.cloudpbx.freeswitch.esl;
