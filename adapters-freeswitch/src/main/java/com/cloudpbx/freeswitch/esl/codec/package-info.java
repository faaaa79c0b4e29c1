/**
 * The Event Socket codec: the bytes mod_event_socket sends, cut into frames ({@link
 * com.cloudpbx.freeswitch.esl.codec.EslFrameDecoder}, {@link com.cloudpbx.freeswitch.esl.codec.EslFrame})
 * and read into events ({@link com.cloudpbx.freeswitch.esl.codec.EslEvent}), plain or JSON. It knows
 * nothing of connections; the client in {@code com.cloudpbx.freeswitch.esl} owns one decoder per
 * connection and passes it the socket's bytes.
 *
 * <p>This is the code every event of every call goes through, thousands a second per switch, and it
 * is tuned for that: headers are read in place from the frame's own bytes and a value becomes a
 * String (percent-decoded, for a plain event) only when asked for ({@code PlainHeaders}, {@code
 * JsonHeaders}); names are found
 * through an open-addressing index without an entry object per header ({@code NameIndex}, hashed by
 * {@code NameHash} from the bytes as from a String); each connection learns the header layout of each
 * kind of plain event and confirms the names of the next one with a few word comparisons ({@code
 * HeaderLayout}, {@code LayoutHeaders}, {@code PlainEventReader}); newlines, colons, quotes and
 * escapes are looked for eight bytes at a time ({@code ByteScan}, which {@code PlainLines} and
 * {@code PercentDecoding} use). The JSON event reader ({@code JsonHeaders}, with {@code JsonReader}
 * for what it does not expect) stays hand-written because it is two to three times faster than
 * Jackson's streaming parser on the same event and allocates a third less.
 *
 * <p>{@code EslDecodeBenchmark} ({@code bench/esl-decode.sh}, figures in {@code bench/README.md})
 * guards all of it: run it before and after a change here, and keep the change only if events per
 * second and bytes allocated per event do not get worse. The tests check every fast path against
 * the general one ({@code ReferencePlainEvent}, the JSON text reader).
 */
package com.cloudpbx.freeswitch.esl.codec;
