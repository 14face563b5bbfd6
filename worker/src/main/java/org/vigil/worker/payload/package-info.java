/**
 * mod_gearman's job and result payloads, byte for byte as mod_gearman 5.2 writes them (read from its public sources,
 * github.com/sni/mod_gearman; no code taken).
 *
 * <p><b>Text.</b> A payload is {@code key=value} lines separated by {@code \n}; the key runs to the first {@code =},
 * the value to the end of the line; the text ends at its first empty line (writers end with {@code "\n\n\n"}).
 * Times are a {@code struct timeval} written {@code sec.usec} with six decimals ({@code %Lf}). A check job
 * ({@link org.vigil.worker.payload.JobPayload}; {@code neb_module_naemon/mod_gearman.c} handle_host_check,
 * handle_svc_check, handle_eventhandler; read as {@code worker/worker_client.c} get_job reads it) is {@code type,
 * result_queue, target_queue, host_name, [service_description], core_time, timeout, command_line}; modules before 5
 * sent {@code start_time} and {@code next_check} too, which are read. A result
 * ({@link org.vigil.worker.payload.ResultPayload}; {@code common/utils.c} send_result_back; read as
 * {@code neb_module_naemon/result_thread.c} get_results reads it) is {@code host_name, core_start_time, start_time,
 * finish_time, return_code, exited_ok, source, [service_description], output}, the output's newlines written
 * {@code \n} and backslashes {@code \\} ({@code common/utils.c} gm_escape_newlines). mod_gearman ignores unknown
 * keys and stops at an empty value; Vigil's reader refuses both with an error naming the line, so a garbled or
 * foreign payload never passes as a result.
 *
 * <p><b>Transport.</b> {@link org.vigil.worker.payload.PayloadCodec} ({@code common/utils.c} mod_gm_encrypt and
 * mod_gm_decrypt, {@code common/gm_crypt.c}): the {@link org.vigil.worker.payload.SharedKey} is the password's first
 * 32 bytes zero-filled ({@code key=}, or the first line of {@code keyfile=}, right-trimmed); the text and its 0
 * terminator are zero-padded to 16-byte blocks (mod_gearman 5 adds a whole zero block when text + terminator is
 * already a multiple of 16), enciphered with AES-256 in ECB mode, then base64 without line breaks. With encryption
 * off, the text alone is base64-encoded. Decrypted text ends at its first 0 byte. mod_gearman spots a wrong key when
 * no line of the decrypted text is a key it knows ("check your encryption settings"); Vigil requires the first line
 * to be {@code key=value} and then every line to be one, and says "wrong key" when it is not.
 */
package org.vigil.worker.payload;
