//! One exported function around `rentapi::code::extract_code`, so that a
//! wasm32 build at the app's release profile keeps the extractor (and its
//! keyword tables) and link-time optimisation drops the rest of `rentapi`.
//! `measure.sh` builds it against the extractor of today and of an earlier
//! commit and prints both sizes.

/// Reads `len` bytes of UTF-8 at `text`, writes the code (if any) to `out`
/// (at most `cap` bytes) and returns its length, 0 if there is none.
///
/// # Safety
/// `text` must point at `len` bytes of valid UTF-8 and `out` at `cap`
/// writable bytes.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn otp_code(text: *const u8, len: usize, out: *mut u8, cap: usize) -> usize {
    // SAFETY: the caller's contract above.
    let text = unsafe { core::str::from_utf8_unchecked(core::slice::from_raw_parts(text, len)) };
    #[cfg(not(feature = "bare"))]
    let code = rentapi::code::extract_code(text);
    #[cfg(feature = "bare")]
    let code = text.get(..4).map(str::to_owned);
    match code {
        Some(code) if code.len() <= cap => {
            // SAFETY: `out` has `cap` >= `code.len()` writable bytes.
            unsafe { core::ptr::copy_nonoverlapping(code.as_ptr(), out, code.len()) };
            code.len()
        }
        _ => 0,
    }
}
