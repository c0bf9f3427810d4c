//! Card rules found on notes in the user's style that the rules had not been tuned on
//! (speech recognition, graph networks, optimisers). Each case shows the cards a fragment of
//! such a note makes, as the student reviewing them would read them.

mod common;

use common::doc;
use notedeck_parse::Document;

/// The back of the card of `d` asking `front`; every card is the message when none does.
fn back_of(d: &Document, front: &str) -> String {
    d.cards
        .iter()
        .find(|c| c.front == front)
        .map(|c| c.back.clone())
        .unwrap_or_else(|| panic!("no card {front}: {:#?}", d.cards))
}

#[test]
fn a_sequence_named_beside_a_fact_is_no_part_to_list() {
    // `순서:` over the framing steps is a facet's name like `과정`: its steps are a card of
    // their own, and beside the stationarity fact it was a dangling word, with `Mel scale`
    // (one name left) after it.
    let d = doc("## **1. MFCC vs Log-Mel Spectrogram**

### 1. 공통 전처리: STFT (Short-Time Fourier Transform)

- 음성은 전체로 보면 non-stationary, 짧은 구간(20~30ms)에서는 stationary로 가정
- 순서:
    1. **Framing**: window 25ms, hop 10ms
        - 16kHz 기준 window = 400 samples, hop = 160 samples → **1초 = 100 frame**
    2. **Windowing**: Hamming / Hann window로 frame 양 끝 불연속 완화
    3. **FFT (Fast Fourier Transform)**: 512-point → 257개 frequency bin, power spectrum
    4. **Mel filterbank**: 삼각형 필터 40~80개를 Mel scale 간격으로 배치
- **Mel scale**: 사람 귀는 저주파 차이에 민감, 고주파 차이에 둔감 → 저주파는 촘촘, 고주파는 듬성듬성
");
    assert_eq!(
        back_of(&d, "MFCC vs Log-Mel Spectrogram › 공통 전처리: STFT"),
        "<ul><li>음성은 전체로 보면 non-stationary, 짧은 구간(20~30ms)에서는 stationary로 가정</li></ul>"
    );
    assert_eq!(
        back_of(&d, "MFCC vs Log-Mel Spectrogram › 공통 전처리: STFT › 순서"),
        "<ol><li>Framing</li><li>Windowing</li><li>FFT (Fast Fourier Transform)</li><li>Mel filterbank</li></ol>"
    );
}
