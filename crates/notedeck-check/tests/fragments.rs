//! Data-driven rule tests: fragments of the user's notes (or in their style), each with the
//! exact findings expected as (code, 1-based line, text under the primary span). An empty list
//! means the fragment must stay silent; those are the benign cases a careful reader would not
//! want flagged.

use notedeck_check::Workspace;
use std::path::PathBuf;
use std::sync::Arc;

struct Case {
    name: &'static str,
    files: &'static [(&'static str, &'static str)],
    expect: &'static [(&'static str, &'static str, usize, &'static str)],
}

const CASES: &[Case] = &[
    Case {
        name: "a row of a module's class against the bullet in its topic's section",
        // `umap.UMAP` is the topic `UMAP`: the bullet's default 10 against the table's 15.
        files: &[(
            "dr.md",
            "## **6. UMAP (Uniform Manifold Approximation and Projection)**\n\n- **주요 하이퍼파라미터**\n    - `n_neighbors`: 국소 vs 전역 구조 균형, 기본값 10\n    - `min_dist`: 최소 거리, 기본 0.1\n\n## 기본값\n\n| 함수 | 인자 | 기본값 | 메모 |\n| --- | --- | --- | --- |\n| `umap.UMAP` | `n_neighbors` | `15` | 국소 ↔ 전역 균형 |\n| `umap.UMAP` | `min_dist` | `0.1` | 작을수록 빽빽 |\n",
        )],
        expect: &[("dr.md", "conflicting-claim", 11, "15")],
    },
    Case {
        name: "a bold parameter's default against its row in the same section's table",
        // `**num_layers**: …, 기본값 2` under `PyTorch nn.LSTM 인자 정리`, whose own table
        // gives `nn.LSTM`'s `num_layers` 1; `LSTM` titles another section.
        files: &[(
            "rnn.md",
            "## **4. LSTM (Long Short-Term Memory)**\n\n- 게이트 3개\n\n## **10. PyTorch nn.LSTM 인자 정리**\n\n- **num_layers**: 층 쌓기(stacked LSTM), 기본값 2 → 위 층은 아래 층의 output을 입력으로 받음\n- **dropout**: 층 사이에만 적용\n\n### 기본값 표\n\n| 함수 | 인자 | 기본값 | 메모 |\n| --- | --- | --- | --- |\n| `nn.RNN` | `nonlinearity` | `'tanh'` | x |\n| `nn.LSTM` | `num_layers` | `1` | stacked 하려면 직접 지정 |\n",
        )],
        expect: &[("rnn.md", "conflicting-claim", 15, "1")],
    },
    Case {
        name: "two names joined by a hyphen are no misspelling, a word beside a word is",
        // `Benjamini` is one vowel from `Benjamin`, but `Hochberg` beside it is a name too.
        files: &[(
            "ab.md",
            "| **BH (Benjamini-Hochberg)** | FDR |\n| --- | --- |\n\n- LSTM (Long Shrot-Term Memory)\n",
        )],
        expect: &[("ab.md", "misspelled-expansion", 4, "Shrot")],
    },
    Case {
        name: "a bullet's default of a function its topic calls against that function's row",
        // The topic writes `multipletests`; the closing table of defaults gives its `alpha`
        // 0.05. `0.1` is no rounding of `0.05`.
        files: &[(
            "ab.md",
            "## **6. 다중 검정 보정 (Multiple Testing)**\n\n- `multipletests` 기본 method는 **hs**\n- `alpha` 기본값은 0.1 → 보통 0.05로 명시해서 씀\n\n## **12. 기본값 정리**\n\n| 함수 | 인자 | 기본값 | 메모 |\n| --- | --- | --- | --- |\n| `multipletests` | `alpha` | `0.05` | |\n| `multipletests` | `method` | `'hs'` | Holm-Sidak |\n",
        )],
        expect: &[("ab.md", "conflicting-claim", 10, "0.05")],
    },
    Case {
        name: "a call's arguments and a value set before a comment saying default are no claims",
        // `strategy=strategy,` passes an argument; `num_rounds=3` is the example's own value,
        // the comment after it gives the default the table gives too.
        files: &[(
            "fl.md",
            "## **8. 라이브러리 정리**\n\n```python\nstrategy = fl.server.strategy.FedAvg(\n    fraction_fit=1.0,\n)\nfl.server.start_server(\n    config=fl.server.ServerConfig(num_rounds=3),  # 기본 num_rounds=1\n    strategy=strategy,\n)\n```\n\n## 기본값\n\n| 함수 | 인자 | 기본값 | 메모 |\n| --- | --- | --- | --- |\n| `flwr.server.ServerConfig` | `num_rounds` | 1 | |\n",
        )],
        expect: &[],
    },
    Case {
        name: "a word the note uses as its own term is no misspelling, a word once is",
        // `Atrous` is one vowel from `Atreus`, but the note titles a section with it and
        // writes it again; `Feild` is written once, beside nothing.
        files: &[(
            "seg.md",
            "### 1. Atrous (Dilated) Convolution\n\n- 필터 사이에 구멍\n\n### 3. ASPP (Atrous Spatial Pyramid Pooling)\n\n- 여러 rate의 atrous conv 병렬\n- CRF (Conditional Random Feild) 후처리\n",
        )],
        expect: &[("seg.md", "misspelled-expansion", 8, "Feild")],
    },
    Case {
        name: "a bullet's default of a class it names by module path against that class's row",
        // `nn.CrossEntropyLoss`의 `ignore_index` 기본값은 255, the closing table -100: the
        // row's owner is written with its module path in the bullet, not as the bare class.
        files: &[(
            "seg.md",
            "## **7. 손실 함수**\n\n### 1. Cross-Entropy (CE)\n\n- `nn.CrossEntropyLoss`의 `ignore_index` 기본값은 **255** → 경계 픽셀 자동 무시\n- 입력 shape: logit `(N, C, H, W)`\n\n## **9. 라이브러리**\n\n### 3. 기본값 표\n\n| 함수 | 인자 | 기본값 | 메모 |\n| --- | --- | --- | --- |\n| `nn.CrossEntropyLoss` | `ignore_index` | `-100` | 255는 직접 지정 |\n| `nn.CrossEntropyLoss` | `reduction` | `'mean'` | |\n",
        )],
        expect: &[("seg.md", "conflicting-claim", 14, "-100")],
    },
    Case {
        name: "a bullet's default of a class a row names beside another",
        // The row's function cell names two (`Replay` / `ReplayPlugin`); the bullet calls
        // `ReplayPlugin` and gives its `mem_size` another default.
        files: &[(
            "cl.md",
            "## **6. Replay Buffer**\n\n- Avalanche `ReplayPlugin`의 `mem_size` 기본값은 500 (버퍼 전체 크기)\n- 단순하지만 강력한 baseline\n\n## **11. Avalanche 라이브러리**\n\n```python\nstrategy = Replay(model, mem_size=200)    # 기본 200\n```\n\n### 기본값 표\n\n| 함수 | 인자 | 기본값 | 메모 |\n| --- | --- | --- | --- |\n| `Replay` / `ReplayPlugin` | `mem_size` | `200` | 버퍼 전체 크기 |\n| `GEM` | `memory_strength` | `0.5` | |\n",
        )],
        expect: &[("cl.md", "conflicting-claim", 16, "200")],
    },
    Case {
        name: "a default said with 이 against a row naming its library before the function",
        // `` `n_instances` 기본값이 10이라서 `` states a default as `기본값은 10` does; the
        // row's function cell names the library first (`modAL `uncertainty_batch_sampling``).
        files: &[(
            "al.md",
            "## **5. Batch**\n\n- modAL `uncertainty_batch_sampling`은 `n_instances` 기본값이 10이라서, 더 큰 batch를 원하면 명시\n- 다른 것\n\n## 기본값\n\n| 함수 | 인자 | 기본값 | 메모 |\n| --- | --- | --- | --- |\n| modAL `uncertainty_batch_sampling` | `n_instances` | 20 | x |\n| modAL `Committee` | `query_strategy` | `vote` | y |\n",
        )],
        expect: &[("al.md", "conflicting-claim", 10, "20")],
    },
    Case {
        name: "a default a bullet names without code, a tuple, against a row's",
        // `Adam 기본 betas가 (0.5, 0.999)라서`: the parameter and its class written plainly,
        // the value a tuple; the table's row names the class by module path.
        files: &[(
            "gan.md",
            "## **2. DCGAN**\n\n- **학습 설정**\n    - Adam, lr = 0.0002, $\\beta_1 = 0.5$\n    - Adam 기본 betas가 (0.5, 0.999)라서 DCGAN은 betas는 따로 안 건드려도 됨\n\n### PyTorch 기본값 정리\n\n| 함수 | 인자 | 기본값 | 메모 |\n| --- | --- | --- | --- |\n| `torch.optim.Adam` | `lr` | `1e-3` | GAN은 보통 `2e-4` |\n| `torch.optim.Adam` | `betas` | `(0.9, 0.999)` | DCGAN은 `(0.5, 0.999)` |\n",
        )],
        expect: &[("gan.md", "conflicting-claim", 12, "(0.9, 0.999)")],
    },
    Case {
        name: "a flag's default in a label saying default, against the row the section calls",
        // `**first_order 기본값**: `True`` names the parameter in its label; the code after
        // it (`first_order=False`) is how to change it. The table gives `first_order` to
        // `MAML` and to `MAML.adapt`: the section writes `` `MAML` ``, so the row is its.
        files: &[(
            "meta.md",
            "## **8. 라이브러리 사용**\n\n### 1. learn2learn\n\n- PyTorch 기반, `MAML`, `MetaSGD` 등 알고리즘 래퍼\n- **first_order 기본값**: `True` → full MAML 원하면 `first_order=False` 명시\n\n### 4. 기본값 정리\n\n| 함수 | 인자 | 기본값 | 메모 |\n| --- | --- | --- | --- |\n| `l2l.algorithms.MAML` | `first_order` | `False` | `True`면 FOMAML |\n| `MAML.adapt` | `first_order` | `None` | 생성자 값 따라감 |\n",
        )],
        expect: &[("meta.md", "conflicting-claim", 12, "False")],
    },
    Case {
        name: "British spellings in expansions are English",
        // `Neighbours` lost a tie to a wrong expansion for not being in the American list,
        // and `Neighbourhood` was reported misspelt.
        files: &[(
            "imb.md",
            "## **5. Tomek Links / ENN (Edited Nearest Neighbours)**\n\n- 변형: NCR (Neighbourhood Cleaning Rule), 정규화(Normalisation) 후 modelling\n\n## 면접\n\n- ENN (Extended Nearest Neighbors)은 이웃 다수결로 지움\n",
        )],
        expect: &[(
            "imb.md",
            "conflicting-expansion",
            7,
            "Extended Nearest Neighbors",
        )],
    },
    Case {
        name: "an exam's false choice is no default, and a row's class may be called",
        // Choice 3 says `scoring_fct_norm` defaults to 2, the explanation and the table 1:
        // the choice is false on purpose. The bullet's `margin` 2.0 meets the row written
        // `MarginRankingLoss()`, the class called.
        files: &[(
            "kg.md",
            "### 문항 3\n\nPyKEEN 관련 설명으로 옳은 것 고르기\n\n1. `pipeline()`의 기본 evaluator는 `RankBasedEvaluator`이다\n2. `TransE`의 `scoring_fct_norm` 기본값은 2 (L2 norm)이다\n\n정답: 1\n\n- **2번 (X)**: 기본 `scoring_fct_norm=1` (L1)\n\n## **2. Loss**\n\n- PyKEEN `MarginRankingLoss`의 `margin` 기본값: **2.0** → 따로 안 주면 이 값으로 학습됨\n\n## **9. 기본값 정리**\n\n| 함수 | 인자 | 기본값 | 메모 |\n| --- | --- | --- | --- |\n| `TransE()` | `scoring_fct_norm` | `1` | L1 거리 |\n| `MarginRankingLoss()` | `margin` | `1.0` | TransE 계열 기본 loss |\n",
        )],
        expect: &[("kg.md", "conflicting-claim", 21, "1.0")],
    },
    Case {
        name: "an exam's false choice numbered in parentheses is no default either",
        // `(2) …` as much as `2. …`: the choice is false on purpose.
        files: &[(
            "kg.md",
            "### 문항 3\n\nPyKEEN 관련 설명으로 옳은 것 고르기\n\n(1) `pipeline()`의 기본 evaluator는 `RankBasedEvaluator`이다\n(2) `TransE`의 `scoring_fct_norm` 기본값은 2 (L2 norm)이다\n\n정답: 1\n\n## **9. 기본값 정리**\n\n| 함수 | 인자 | 기본값 | 메모 |\n| --- | --- | --- | --- |\n| `TransE()` | `scoring_fct_norm` | `1` | L1 거리 |\n",
        )],
        expect: &[],
    },
    Case {
        name: "a default named plainly beside code, and a setting on its line no default",
        // `top_k 기본값이 **40**` states top_k's default; `do_sample=True만 켜도` is how to turn
        // sampling on, not do_sample's default.
        files: &[(
            "prompt.md",
            "## **3. Sampling**\n\n- HF (Hugging Face) `generate()`는 top_k 기본값이 **40**이라서 do_sample=True만 켜도 top-k 필터가 이미 걸려 있음\n\n## **9. 기본값 정리**\n\n| 함수 | 인자 | 기본값 | 메모 |\n| --- | --- | --- | --- |\n| `model.generate()` (HF transformers) | `do_sample` | False | greedy |\n| 〃 | `top_k` | 50 | 상위 k개 |\n",
        )],
        expect: &[("prompt.md", "conflicting-claim", 10, "50")],
    },
    Case {
        name: "a setting in code beside another argument's default is no default",
        // `` `do_sample=True`만 켜도 `` after `top_k 기본값이 **50**`: how to turn sampling
        // on, not do_sample's default against the table's False.
        files: &[(
            "prompt.md",
            "## **3. Sampling**\n\n- HF `generate()`는 top_k 기본값이 **50**이라서 `do_sample=True`만 켜도 top-k 필터가 걸림\n\n## **9. 기본값 정리**\n\n| 함수 | 인자 | 기본값 | 메모 |\n| --- | --- | --- | --- |\n| `model.generate()` (HF transformers) | `do_sample` | False | greedy |\n| 〃 | `top_k` | 50 | 상위 k개 |\n",
        )],
        expect: &[],
    },
    Case {
        name: "two lowercase variants are no rivals of each other",
        // Neither is an expansion proper: each stays reported rather than excusing the other.
        files: &[(
            "ml.md",
            "## 1. 모델\n\n- LoRA (row-rank adaptation) 는 가볍다\n\n## 2. 기타\n\n- LoRA (rapid adapter) 는 작다\n",
        )],
        expect: &[
            ("ml.md", "acronym-mismatch", 3, "row-rank adaptation"),
            ("ml.md", "conflicting-expansion", 7, "rapid adapter"),
        ],
    },
    Case {
        name: "an expansion joining its words with a plus",
        // `ReAct (Reasoning + Acting)`: read as no expansion, the interview answer's
        // `Reflect + Act` went unreported.
        files: &[(
            "prompt.md",
            "## **5. ReAct (Reasoning + Acting)**\n\n- **개념**: 생각과 행동을 번갈아\n\n## 면접\n\n**Q4. ReAct (Reflect + Act)가 CoT보다 나은 점은?**\n",
        )],
        expect: &[("prompt.md", "conflicting-expansion", 7, "Reflect + Act")],
    },
    Case {
        name: "a lowercase slip with no rival is still a mismatch",
        // No other expansion to tell a gloss by: `row-rank adaptation` is reported as
        // `Row-rank Adaptation` is.
        files: &[("a.md", "### 문항10\n\nLoRA (row-rank adaptation)\n")],
        expect: &[("a.md", "acronym-mismatch", 3, "row-rank adaptation")],
    },
    Case {
        name: "a consonant too many inside a long word of an expansion",
        files: &[(
            "rnn.md",
            "- 번역 품질은 BLEU (Bilingual Evalutation Understudy) 점수로 평가\n",
        )],
        expect: &[("rnn.md", "misspelled-expansion", 1, "Evalutation")],
    },
    Case {
        name: "Row-rank under 문항10 against the LoRA heading",
        files: &[(
            "a.md",
            "### 문항10\n\nLoRA (Row-rank Adaptation)\n\n## **LoRA (Low-Rank Adaptation)**\n\n### 1. 개념\n\n- 원래 모델 파라미터는 **동결(freeze)**, 새로 추가한 LoRA 모듈만 학습\n",
        )],
        // One problem, one finding: the conflict, not also an acronym mismatch on the span.
        expect: &[("a.md", "conflicting-expansion", 3, "Row-rank Adaptation")],
    },
    Case {
        name: "the same acronym spelled with different hyphens, spaces and case",
        files: &[
            (
                "a.md",
                "## **2. 사전 학습 방식 (Denoising Autoencoder)**\n\n- **LSTM (Long Short-Term Memory)**\n- RTT (Round-Trip Time)\n",
            ),
            (
                "b.md",
                "- LSTM (long short term memory) 구조\n- RTT (round trip time) 증가\n- **MaaS (Model-as-a-Service)**와 MaaS (Model as a Service)\n",
            ),
        ],
        expect: &[],
    },
    Case {
        name: "Korean glosses are translations, not rival expansions",
        files: &[(
            "a.md",
            "| **CI (Continuous Integration)** | 거의 없음 |\n| **CI (지속적 통합)** | X |\n- 질의응답(QA)처럼 연속 구간 예측\n- **강화학습(RL)**의 대표적인 알고리즘\n",
        )],
        expect: &[],
    },
    Case {
        name: "acronyms of the notes that spell through sub-words",
        files: &[(
            "a.md",
            "## **1. BERT (Bidirectional Encoder Representations from Transformers)**\n\n## **3. RoBERTa (Robustly Optimized BERT)**\n\n## 0. CAM (class activation mapping)\n\n## **1. Grad-CAM (Gradient-weighted Class Activation Mapping)**\n\n**DARTS (Differentiable Architecture Search)**\n\n### 2. **Model-as-a-Service (MaaS)**\n",
        )],
        expect: &[],
    },
    Case {
        name: "broken bold from the DARTS and Q-learning sections",
        files: &[(
            "a.md",
            "## 1. 개념\n\n- *NAS(Neural Architecture Search)**의 한 방법\n- *강화학습(RL)**의 대표적인 **값 기반(Value-based)** 알고리즘\n",
        )],
        expect: &[
            (
                "a.md",
                "broken-emphasis",
                3,
                "*NAS(Neural Architecture Search)**",
            ),
            ("a.md", "broken-emphasis", 4, "*강화학습(RL)**"),
        ],
    },
    Case {
        name: "stars that are not emphasis",
        files: &[(
            "a.md",
            "- CAM = **(FC Layer weight) × (Feature map)**\n- 논문: *Liu et al., 2018, \"DARTS: Differentiable Architecture Search\"*\n- 점수 = 3 * 4\n* 목록 항목\n\n```\ny' = (W + BA)x\nz = a ** 2\n```\n",
        )],
        expect: &[],
    },
    Case {
        name: "pasted KaTeX from the CAM and Q-learning sections",
        files: &[(
            "a.md",
            "    5. McM_cMc를 원본 이미지 크기로 보간 → 시각화\n- **Q(s, a)**: 상태 sss에서 행동 aaa를 했을 때 얻는 **누적 보상 기대값**\n- γ\\gammaγ: 미래 보상 할인율\n",
        )],
        expect: &[
            ("a.md", "pasted-katex", 1, "McM_cMc"),
            ("a.md", "pasted-katex", 2, "sss"),
            ("a.md", "pasted-katex", 2, "aaa"),
            ("a.md", "pasted-katex", 3, "γ\\gammaγ"),
        ],
    },
    Case {
        name: "prose with underscores is not pasted math",
        files: &[(
            "a.md",
            "- 이 행렬들은 A와 B의 곱 BA가 원래의 가중치 W_0에 더해져서, 가중치의 변화 delta_W를 모델링한다.\n- **마지막 합성곱(Conv) 레이어**에서 feature map f_k(x, y) 추출\n",
        )],
        expect: &[],
    },
    Case {
        name: "a comparison table contradicting the bullets above it",
        files: &[(
            "a.md",
            "## **2. Score-CAM**\n\n- **Gradient 필요**: ✘ 불필요\n- **계산량**: 많음\n\n## **3. 비교 요약 표**\n\n| 항목 | Grad-CAM | Score-CAM |\n| --- | --- | --- |\n| **Gradient 필요** | ✔ 필요 | ✘ 불필요 |\n| **계산량** | 적음 | 적음 |\n",
        )],
        expect: &[("a.md", "conflicting-claim", 11, "적음")],
    },
    Case {
        name: "a missing image next to the note",
        files: &[(
            "a.md",
            "### 원리\n\n![image.png](%EC%97%AD%EB%9F%89%ED%8F%89%EA%B0%80%20%EC%A0%95%EB%A6%AC%2024f4d6b253d380f4a698df83390921af/image%201.png)\n\n### 참고\n\n- 그림: ![remote](https://example.com/x.png)\n",
        )],
        expect: &[(
            "a.md",
            "missing-image",
            3,
            "![image.png](%EC%97%AD%EB%9F%89%ED%8F%89%EA%B0%80%20%EC%A0%95%EB%A6%AC%2024f4d6b253d380f4a698df83390921af/image%201.png)",
        )],
    },
];

#[test]
fn fragments() {
    let mut failures = Vec::new();
    for case in CASES {
        let mut ws = Workspace::new();
        // No image exists in these fragments.
        ws.set_image_resolver(Arc::new(|_: &std::path::Path, _: &str| false));
        for (path, text) in case.files {
            ws.set(PathBuf::from(path), text);
        }
        let got: Vec<(String, &str, usize, String)> = ws
            .check_all()
            .iter()
            .map(|f| {
                let text = case
                    .files
                    .iter()
                    .find(|(p, _)| f.path == PathBuf::from(p))
                    .map_or("", |(_, t)| t);
                (
                    f.path.display().to_string(),
                    f.code.as_str(),
                    text[..f.span.start].matches('\n').count() + 1,
                    text[f.span.clone()].to_string(),
                )
            })
            .collect();
        let want: Vec<(String, &str, usize, String)> = case
            .expect
            .iter()
            .map(|(p, c, l, t)| (p.to_string(), *c, *l, t.to_string()))
            .collect();
        if got != want {
            failures.push(format!("{}:\n  want {want:?}\n  got  {got:?}", case.name));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
