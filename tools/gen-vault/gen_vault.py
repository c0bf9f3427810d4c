#!/usr/bin/env python3
"""Generate a vault of synthetic study notes in the style of the user's notes.

Usage:
    gen_vault.py OUT_DIR N_FILES [--seed S] [--avg-kb KB] [--force]

The notes imitate `notes/역량평가 정리.md`, a Notion export of Korean exam-study notes with
English terms: `### 문항N` exam problems with the question on the next line, `## **k. ACR
(Expansion)**` topics, bold-label facet bullets (`- **장점**: ...`), nested numbered lists
whose items are `**Expansion (ACR)**`, Notion's whitespace-only lines around `→` remarks,
`### 1. 개념` sub-sections, comparison tables with bold row labels, `📌 **암기 팁**`
blocks, `> A = "..."` one-line summaries, English sections (`### 1. **Characteristics**`,
`**Exam tip:**`), `$...$` and `$$...$$` KaTeX, fenced code, Korean glosses of acronyms
(`CI (지속적 통합)`), Notion image links into `Title <32 hex>/` folders (never written, as in
a Notion export without its attachments), and links between notes (`[[Title]]`,
`[[Title#문항N]]`, `[[Title|alias]]`, `[text](Title%20Name.md)`, `../Folder/...`, and a few
to notes that do not exist).

Every acronym is written with one canonical expansion, except what is planted and listed in
OUT_DIR/.vault_manifest.json:

* conflicts: one acronym expanded a second, different way in a few files (the alternate),
  while most places use the canonical expansion; a linter should flag exactly the
  alternate's files and propose the canonical expansion;
* benign variants: acronyms written with spellings that differ only in hyphens, spaces,
  case or a plural `s` (`Feed-Forward Network`, `Feed Forward Network`); not conflicts.

Output depends only on (N_FILES, --seed, --avg-kb): every file has its own random stream
seeded by a string, which Python hashes the same way on every run and platform. Files
average --avg-kb KB (default 20), so 1,000 files are about 20 MB and 10,000 about 200 MB.
Python 3.11 standard library only.
"""

from __future__ import annotations

import argparse
import json
import random
import shutil
import sys
import time
from pathlib import Path
from urllib.parse import quote

MANIFEST = ".vault_manifest.json"

# ---------------------------------------------------------------------------------------
# Vocabulary. Folders are subjects; each subject studies a set of topics.

SUBJECTS = ["자연어처리", "컴퓨터비전", "강화학습", "MLOps", "머신러닝 기초", "생성 모델",
            "AutoML", "데이터 엔지니어링"]

# acronym -> (subjects, canonical expansion). A tuple of expansions lists spellings that are
# the same expansion (hyphen, space, case or plural only): the benign variants.
TOPICS: dict[str, tuple[tuple[str, ...], str | tuple[str, ...]]] = {
    "BERT": (("자연어처리",), "Bidirectional Encoder Representations from Transformers"),
    "GPT": (("자연어처리", "생성 모델"), "Generative Pre-trained Transformer"),
    "BART": (("자연어처리",), ("Bidirectional and Auto-Regressive Transformers",
                             "Bidirectional and Autoregressive Transformers")),
    "MLM": (("자연어처리",), "Masked Language Modeling"),
    "NSP": (("자연어처리",), "Next Sentence Prediction"),
    "LoRA": (("자연어처리", "생성 모델"), "Low-Rank Adaptation"),
    "PEFT": (("자연어처리",), "Parameter-Efficient Fine-Tuning"),
    "RAG": (("자연어처리", "MLOps"), "Retrieval-Augmented Generation"),
    "NER": (("자연어처리",), "Named Entity Recognition"),
    "FFN": (("자연어처리", "머신러닝 기초"), ("Feed-Forward Network", "Feed Forward Network",
                                        "Feedforward Network")),
    "LLM": (("자연어처리", "생성 모델"), "Large Language Model"),
    "RLHF": (("자연어처리", "강화학습"), "Reinforcement Learning from Human Feedback"),
    "CAM": (("컴퓨터비전",), "Class Activation Mapping"),
    "Grad-CAM": (("컴퓨터비전",), "Gradient-weighted Class Activation Mapping"),
    "GAP": (("컴퓨터비전",), "Global Average Pooling"),
    "CNN": (("컴퓨터비전", "머신러닝 기초"), "Convolutional Neural Network"),
    "ViT": (("컴퓨터비전",), "Vision Transformer"),
    "IoU": (("컴퓨터비전",), "Intersection over Union"),
    "NMS": (("컴퓨터비전",), ("Non-Maximum Suppression", "Non Maximum Suppression")),
    "FPN": (("컴퓨터비전",), "Feature Pyramid Network"),
    "ZSL": (("컴퓨터비전", "머신러닝 기초"), ("Zero-Shot Learning", "Zero Shot Learning")),
    "GZSL": (("컴퓨터비전",), "Generalized Zero-Shot Learning"),
    "FSL": (("컴퓨터비전", "머신러닝 기초"), "Few-Shot Learning"),
    "DQN": (("강화학습",), "Deep Q-Network"),
    "MDP": (("강화학습",), "Markov Decision Process"),
    "PPO": (("강화학습",), "Proximal Policy Optimization"),
    "TD": (("강화학습",), "Temporal Difference"),
    "GAE": (("강화학습",), "Generalized Advantage Estimation"),
    "MaaS": (("MLOps",), ("Model-as-a-Service", "Model as a Service")),
    "CI": (("MLOps", "데이터 엔지니어링"), "Continuous Integration"),
    "CD": (("MLOps",), "Continuous Delivery"),
    "CT": (("MLOps",), "Continuous Training"),
    "SLO": (("MLOps",), "Service Level Objective"),
    "HPA": (("MLOps",), "Horizontal Pod Autoscaler"),
    "ONNX": (("MLOps",), "Open Neural Network Exchange"),
    "SVM": (("머신러닝 기초",), "Support Vector Machine"),
    "PCA": (("머신러닝 기초",), "Principal Component Analysis"),
    "MLE": (("머신러닝 기초",), "Maximum Likelihood Estimation"),
    "MAP": (("머신러닝 기초",), "Maximum A Posteriori"),
    "SGD": (("머신러닝 기초",), "Stochastic Gradient Descent"),
    "MSE": (("머신러닝 기초",), ("Mean Squared Error", "Mean-Squared Error")),
    "KNN": (("머신러닝 기초",), ("k-Nearest Neighbors", "k-Nearest Neighbor")),
    "RNN": (("머신러닝 기초", "자연어처리"), "Recurrent Neural Network"),
    "GAN": (("생성 모델",), "Generative Adversarial Network"),
    "VAE": (("생성 모델",), "Variational Autoencoder"),
    "DDPM": (("생성 모델",), "Denoising Diffusion Probabilistic Model"),
    "CFG": (("생성 모델",), "Classifier-Free Guidance"),
    "NAS": (("AutoML",), "Neural Architecture Search"),
    "DARTS": (("AutoML",), "Differentiable Architecture Search"),
    "HPO": (("AutoML",), "Hyperparameter Optimization"),
    "BO": (("AutoML",), "Bayesian Optimization"),
    "ETL": (("데이터 엔지니어링",), "Extract, Transform, Load"),
    "OLAP": (("데이터 엔지니어링",), "Online Analytical Processing"),
    "CDC": (("데이터 엔지니어링",), "Change Data Capture"),
    "WAL": (("데이터 엔지니어링",), ("Write-Ahead Logging", "Write Ahead Logging")),
}

# Second expansions planted as conflicts: confusions a student plausibly writes down.
CONFLICTS = [
    ("CD", "Continuous Deployment"),
    ("MAP", "Mean Average Precision"),
    ("CT", "Computed Tomography"),
    ("NAS", "Network Attached Storage"),
    ("CAM", "Content Addressable Memory"),
    ("GAN", "Generative Adversarial Net"),
    ("TD", "Top Down"),
    ("CDC", "Centers for Disease Control"),
    ("HPA", "Hypothalamic Pituitary Adrenal"),
    ("SGD", "Singapore Dollar"),
    ("GAE", "Graph Autoencoder"),
    ("BO", "Box Office"),
]

# Topics written without an acronym, as the notes do (`## **2. SpanBERT**`, `## Q-Learning`).
NAMED = ["SpanBERT", "RoBERTa", "ELECTRA", "Score-CAM", "Q-Learning", "Dropout", "Batch Norm",
         "Overfitting vs Underfitting", "Linear Regression", "Logistic Regression", "Adam",
         "Beam Search", "Knowledge Distillation", "Feature Store", "Canary Release",
         "Data Drift", "Airflow DAG", "Diffusion Model", "Prompt Tuning", "Early Stopping"]

# Korean glosses of acronyms: never terms, but they sit next to the same names.
GLOSSES = {"CI": "지속적 통합", "CD": "지속적 배포", "CT": "지속적 학습", "RL": "강화학습",
           "QA": "질의응답", "LLM": "대규모 언어 모델", "NER": "개체명 인식"}

KO = """모델 데이터 학습 추론 가중치 파라미터 손실 정확도 성능 구조 입력 출력 토큰 문장 문맥
표현 벡터 임베딩 행렬 차원 확률 분포 샘플 배치 기울기 최적화 정규화 과적합 일반화 편향 검증
지표 메모리 연산량 지연 처리량 파이프라인 배포 모니터링 로그 특징맵 채널 클래스 레이블 노이즈
복원 생성 판별 인코더 디코더 어텐션 시퀀스 커널 필터 해상도 이미지 영역 보상 정책 환경 상태
행동 에이전트 탐험 활용 프롬프트 검색 문서 청크 캐시 재학습 드리프트 스키마 트리거 탐색 공간
후보 구간 마스킹 사전 학습 미세조정 양방향 저차원 계산량 학습률 에포크 손실함수 분산 평균 규칙
요약 번역 질의응답 속성 설명 시각화 해석 신뢰성 효율 비용 확장성 재현성 롤백 버전 실험""".split()

EN = """attention embedding fine-tuning pre-training inference gradient backpropagation dropout
softmax cross-entropy tokenizer decoder encoder transformer latency throughput checkpoint
quantization distillation pruning feature-map replay-buffer reward policy exploration
exploitation baseline benchmark recall precision ground-truth warmup scheduler optimizer
regularization masking span augmentation rollout canary drift schema pipeline trigger
metadata registry serving skew retraining""".split()

EN_PHRASES = ["training-serving skew", "data drift", "concept drift", "feature store",
              "model registry", "A/B testing", "canary rollout", "batch inference",
              "online serving", "cold start", "label noise", "class imbalance",
              "vanishing gradient", "mode collapse", "reward hacking", "catastrophic forgetting"]

VERBS = ["예측", "분류", "복원", "생성", "학습", "계산", "적용", "제거", "추가", "비교", "유지",
         "보장", "개선", "감소", "증가", "공유", "분리", "활용", "판별", "업데이트"]

OUTCOMES = ["성능 향상", "메모리 절약", "속도 저하", "계산량 증가", "학습 불안정", "일반화 개선",
            "비용 절감", "수렴 속도 향상", "과적합 위험 증가", "해석 가능성 향상"]

FACETS = ["구조", "목표", "아이디어", "장점", "단점", "한계", "특징", "효과", "정의", "예시",
          "사전 학습 방법", "변경점", "개선 포인트", "활용 예시", "방법", "원리", "입력", "출력",
          "주의", "핵심"]

SUBSECTIONS = ["개념", "동작 원리", "핵심 아이디어", "장점", "한계", "특징", "다른 모델과 비교",
               "구조 개요", "응용", "사용 예시", "원리"]

EN_SECTIONS = ["Characteristics", "Goal", "Operational Reality", "Key Characteristics",
               "Challenges", "Components", "Validation", "Monitoring"]

TIP_TITLES = ["암기 팁", "암기 포인트", "정리", "시험 포인트", "한 줄 요약"]

TITLE_KINDS = ["역량평가 정리", "기출 복기", "개념 정리", "오답 노트", "모의고사 풀이", "비교 정리"]

TAGS = ["#역량평가", "#시험대비", "#복습", "#자주출제", "#헷갈림", "#정리중"]

TABLE_COLS = ["구조", "학습 방식", "주요 특징", "장점", "한계", "적용 분야", "입력", "출력",
              "필요 데이터", "계산량"]

INLINE_MATH = [r"$\mathrm{softmax}(QK^\top / \sqrt{d_k})V$", r"$W' = W_0 + BA$",
               r"$r \ll \min(d, k)$", r"$\hat{y} = \sigma(w^\top x + b)$",
               r"$L = -\sum_i y_i \log \hat{y}_i$", r"$\theta \leftarrow \theta - \eta \nabla L$",
               r"$\gamma \in [0, 1)$", r"$\epsilon$-greedy", r"$O(n^2 d)$",
               r"$\mathbb{E}[(y - \hat{y})^2]$", r"$|A \cap B| / |A \cup B|$",
               r"$M_c(x, y) = \sum_k w_{c,k} f_k(x, y)$"]

DISPLAY_MATH = [r"Q(s, a) \leftarrow Q(s, a) + \alpha [r + \gamma \max_{a'} Q(s', a') - Q(s, a)]",
                r"M_c(x, y) = \sum_k w_{c,k} \cdot f_k(x, y)",
                r"\bar{o}^{(i,j)}(x) = \sum_k \frac{\exp(\alpha_k)}{\sum_{k'} \exp(\alpha_{k'})} o_k(x)",
                r"L_{\mathrm{simple}} = \mathbb{E}_{t, x_0, \epsilon} \| \epsilon - \epsilon_\theta(x_t, t) \|^2",
                r"F_1 = \frac{2 \cdot P \cdot R}{P + R}"]

CODE = [["y = Wx", "y' = (W + BA)x"],
        ["for epoch in range(n_epochs):", "    loss = criterion(model(x), y)",
         "    loss.backward()", "    optimizer.step()"],
        ["kubectl rollout status deploy/model-api"],
        ["SELECT user_id, count(*) FROM events", "GROUP BY user_id;"],
        ["target = r + gamma * q_target(s2).max()"]]

# (row, column) -> table cell, filled as tables are written.
CELLS: dict[tuple[str, str], str] = {}

# ---------------------------------------------------------------------------------------
# Korean particles: the form depends on whether the word ends in a final consonant.


def has_final(word: str) -> bool:
    w = word.rstrip("*)`]' ")
    if not w:
        return False
    c = w[-1]
    if "가" <= c <= "힣":
        return (ord(c) - 0xAC00) % 28 != 0
    if c.isdigit():
        return c in "013678"
    if c.isupper():
        # Acronyms are read letter by letter; only 엘, 엠, 엔, 알 end in a consonant.
        return c in "LMNR"
    # Other English words by their final sound, roughly.
    return c in "bcdgklmnpqrt"


def particle(word: str, forms: str) -> str:
    """`forms` is "after-consonant/after-vowel", e.g. "을/를"."""
    consonant, vowel = forms.split("/")
    return word + (consonant if has_final(word) else vowel)


def link_target(name: str) -> str:
    return name.replace(" ", "%20")


# ---------------------------------------------------------------------------------------


class Note:
    """One note. Records into `book` every expansion it writes, for the manifest."""

    def __init__(self, rng: random.Random, me: dict, vault: list[dict], book: dict):
        self.rng = rng
        self.me = me
        self.vault = vault
        self.book = book
        self.out: list[str] = []
        self.size = 0
        self.own = [a for a, (subjects, _) in TOPICS.items() if me["subject"] in subjects]
        self.covered: set[str] = set()

    # -- pieces ----------------------------------------------------------------------
    def ko(self) -> str:
        return self.rng.choice(KO)

    def en(self) -> str:
        return self.rng.choice(EN)

    def acronym(self) -> str:
        if self.rng.random() < 0.85:
            return self.rng.choice(self.own)
        return self.rng.choice(list(TOPICS))

    def fresh_topic(self) -> str:
        """A topic this note has not covered yet, from its subject if possible: a topic twice
        in one note would give two cards the same front (`BERT › 장점`)."""
        r = self.rng
        for pool in (self.own, list(TOPICS) + NAMED):
            left = [t for t in pool if t not in self.covered]
            if left and (pool is not self.own or r.random() < 0.85):
                pick = r.choice(left)
                break
        else:
            pick = r.choice(self.own)
        self.covered.add(pick)
        return pick

    def expansion(self, acr: str) -> str:
        """The canonical expansion of `acr`, in one of its benign spellings."""
        exp = TOPICS[acr][1]
        if isinstance(exp, tuple):
            # Mostly the first spelling, as a writer has a habit.
            exp = exp[0] if self.rng.random() < 0.7 else self.rng.choice(exp[1:])
        self.note_use(acr, exp)
        return exp

    def note_use(self, acr: str, exp: str) -> None:
        self.book["uses"].setdefault(acr, {}).setdefault(exp, set()).add(self.me["rel"])

    def line(self, *lines: str) -> None:
        for text in lines:
            self.out.append(text)
            self.size += len(text.encode("utf-8")) + 1

    def sentence(self) -> str:
        r = self.rng
        k = r.randrange(14)
        if k == 0:
            s = f"이전 {self.ko()}들을 기반으로 다음 {self.ko()} 확률 분포를 {r.choice(VERBS)}"
        elif k == 1:
            s = f"입력 {self.ko()}의 일부를 `[MASK]`로 가리고 원래 {particle(self.ko(), '을/를')} {r.choice(VERBS)}"
        elif k == 2:
            s = f"{self.ko()} 대신 **{self.ko()} {self.ko()}** 사용 → {r.choice(OUTCOMES)}"
        elif k == 3:
            s = f"{self.acronym()} 제거 → 오히려 {r.choice(OUTCOMES)}"
        elif k == 4:
            s = (f"{particle(self.ko(), '이/가')} 실제 사용 환경과 불일치 "
                 f"→ {self.en()} 단계에서 {r.choice(OUTCOMES)}")
        elif k == 5:
            s = f"매 epoch마다 다른 {self.en()} 적용 = {particle(self.ko(), '을/를')} 바꿀 때마다 {self.ko()} 위치가 달라짐"
        elif k == 6:
            s = f"{self.en().capitalize()} 기반이므로 **{self.ko()} 필요**"
        elif k == 7:
            s = f"{particle(self.ko(), '과/와')} {particle(self.ko(), '을/를')} 함께 고려해 {self.ko()} {r.choice(VERBS)}"
        elif k == 8:
            s = f"{particle(self.acronym(), '은/는')} {self.ko()} 단계에서 {particle(self.en(), '을/를')} 활용해 {r.choice(OUTCOMES)}"
        elif k == 9:
            s = f"시험에서는 {self.acronym()}의 {particle(self.ko(), '과/와')} {particle(self.ko(), '을/를')} 구분하는 문제가 자주 나옴"
        elif k == 10:
            s = f"{self.en().capitalize()} and {self.en()} are tracked to detect {r.choice(EN_PHRASES)}."
        elif k == 11:
            s = f"{particle(self.ko(), '이/가')} 커질수록 {particle(self.ko(), '은/는')} {r.choice(['느려짐', '불안정해짐', '정확해짐', '비싸짐'])} (trade-off)"
        elif k == 12:
            s = f"{self.ko()}: {r.choice(['많음', '적음', '필수', '불필요', '제약 없음'])} ({self.ko()} 수만큼 {self.en()} 필요)"
        else:
            acr = r.choice(list(GLOSSES))
            s = f"{acr} ({GLOSSES[acr]}) 관점에서 {particle(self.ko(), '을/를')} 자동화"
        if r.random() < 0.05:
            s += " " + r.choice(INLINE_MATH)
        return s

    def cell(self, row: str, column: str) -> str:
        """What a table says about (row, column) is the same wherever the vault says it, as in
        consistent notes; random cells would contradict each other across tables."""
        key = (row, column)
        if key not in CELLS:
            CELLS[key] = self.pick_cell(random.Random(f"cell/{row}/{column}"))
        return CELLS[key]

    def pick_cell(self, r: random.Random) -> str:
        ko, en = (lambda: r.choice(KO)), (lambda: r.choice(EN))
        return r.choice([f"{ko()} 중심", f"{en().capitalize()}만", f"{ko()} + {ko()}",
                         f"{r.randint(1, 12)}개 {ko()}", "✔ 필요", "✘ 불필요", "제약 없음",
                         f"{ko()} {r.choice(VERBS)}"])

    def link(self) -> str:
        r, vault, stats = self.rng, self.vault, self.book["links"]
        if len(vault) < 2 or r.random() < 0.03:
            stats["missing"] += 1
            ghost = f"{self.me['subject']} 참고 자료 {r.randint(1, 40)}"
            return r.choice([f"[[{ghost}]]", f"[{ghost}]({link_target(ghost)}.md)"])
        other = vault[r.randrange(len(vault))]
        if other is self.me:
            other = vault[(self.me["index"] + 1) % len(vault)]
        k = r.random()
        if k < 0.3:
            stats["wikilink"] += 1
            return f"[[{other['title']}]]"
        if k < 0.5:
            stats["wikilink_heading"] += 1
            return f"[[{other['title']}#문항{other['first_problem']}]]"
        if k < 0.6:
            stats["wikilink_alias"] += 1
            return f"[[{other['title']}|{other['subject']} 노트]]"
        if other["subject"] == self.me["subject"]:
            stats["markdown_same_folder"] += 1
            return f"[{other['title']}]({link_target(other['title'])}.md)"
        stats["markdown_relative"] += 1
        return f"[{other['title']}](../{link_target(other['subject'])}/{link_target(other['title'])}.md)"

    def image(self) -> str:
        folder = quote(f"{self.me['title']} {self.rng.getrandbits(128):032x}")
        n = self.rng.randint(0, 6)
        return f"![image.png]({folder}/image{'' if n == 0 else f'%20{n}'}.png)"

    # -- blocks ----------------------------------------------------------------------
    def facets(self, count: int) -> None:
        r = self.rng
        for label in r.sample(FACETS, count):
            shape = r.random()
            if shape < 0.5:
                self.line(f"- **{label}**: {self.sentence()}")
            elif shape < 0.8:
                self.line(f"- **{label}**")
                for m in range(1, r.randint(2, 5)):
                    if r.random() < 0.45:
                        sub = self.acronym()
                        self.line(f"    {m}. **{self.expansion(sub)} ({sub})**")
                        for _ in range(r.randint(1, 2)):
                            self.line(f"        - {self.sentence()}")
                    else:
                        self.line(f"    {m}. {self.sentence()}")
                        if r.random() < 0.2:
                            self.line(f"        1. {self.sentence()}")
            else:
                self.line(f"- **{label}**", *(f"    - {self.sentence()}" for _ in range(r.randint(2, 3))))
                if r.random() < 0.4:
                    # Notion keeps the indentation of the blank lines around a remark.
                    self.line("        ", f"        → {self.sentence()}", "        ")

    def topic(self, k: int, acr: str | None, exp: str | None, name: str | None = None) -> None:
        r = self.rng
        if acr is None:
            heading = f"## **{k}. {name}**" if r.random() < 0.7 else f"## {k}. {name}"
        elif exp is None:
            heading = f"## {k}. {acr}"
        else:
            heading = f"## **{k}. {acr} ({exp})**"
        self.line(heading, "")
        if r.random() < 0.2:
            self.line(self.sentence(), "")
        self.facets(r.randint(3, 6))
        if r.random() < 0.25:
            self.line(f"- 관련 노트: {self.link()}")
        self.line("")
        if r.random() < 0.5:
            self.line("---", "")

    def concept(self, acr: str, exp: str) -> None:
        """`## **ACR (Expansion)**` then numbered `### n. 소제목` sub-sections."""
        r = self.rng
        self.line(f"## **{acr} ({exp})**", "")
        for n, title in enumerate(r.sample(SUBSECTIONS, r.randint(2, 4)), 1):
            self.line(f"### {n}. {title}", "")
            for _ in range(r.randint(2, 4)):
                self.line(f"- {self.sentence()}")
            if r.random() < 0.25:
                self.line("- 수식:", "    ", "    ```")
                self.line(*("    " + c for c in r.choice(CODE)))
                self.line("    ", "    ```", "    ")
            if r.random() < 0.15:
                self.line("", "$$", r.choice(DISPLAY_MATH), "$$")
            if r.random() < 0.08:
                self.line("", self.image())
            self.line("", "---", "")

    def english(self) -> None:
        """An English section, as the notes copy from a vendor's MLOps guide."""
        r = self.rng
        for n, title in enumerate(r.sample(EN_SECTIONS, r.randint(1, 3)), 1):
            self.line(f"### {n}. **{title}**", "")
            for _ in range(r.randint(2, 4)):
                self.line(f"- {r.choice(EN_PHRASES).capitalize()} is handled by "
                          f"**{self.en()} {self.en()}** before {self.en()}.")
                if r.random() < 0.3:
                    self.line(f"    - {self.en().capitalize()} changes only a few times per year.")
            self.line("")
        self.line("**Exam tip:**", "", f"*{r.choice(EN_PHRASES).capitalize()}, {r.choice(EN_PHRASES)}, "
                  f"{r.choice(EN_PHRASES)}.*", "")

    def table(self) -> None:
        r = self.rng
        if r.random() < 0.5:
            cols = [r.choice(["모델", "기법", "방식"])] + r.sample(TABLE_COLS, r.randint(2, 4))
            rows = [f"**{a}**" for a in r.sample(self.own, min(len(self.own), r.randint(2, 4)))]
        else:
            cols = ["구분"] + [f"{self.en().capitalize()}" for _ in range(2)]
            rows = [f"**{c}**" for c in r.sample(TABLE_COLS, r.randint(2, 5))]
        self.line("| " + " | ".join(cols) + " |", "| " + " | ".join("---" for _ in cols) + " |")
        for row in rows:
            self.line("| " + row + " | " + " | ".join(self.cell(row, c) for c in cols[1:]) + " |")
        self.line("")

    def tip(self) -> None:
        r = self.rng
        self.line(f"📌 **{r.choice(TIP_TITLES)}**", "")
        for _ in range(r.randint(2, 4)):
            if r.random() < 0.3:
                self.line(f"- {self.acronym()} = **({self.en()}) × ({self.ko()})**")
            else:
                self.line(f"- {self.sentence()}")
        self.line("")
        if r.random() < 0.3:
            name = r.choice(NAMED)
            self.line(f"> {name} = “{particle(self.ko(), '을/를')} {self.ko()}에 저장하고, {self.en()} 기준으로 업데이트하는 방법”", "")

    def problem(self, number: int, forced: list[tuple[str, str]]) -> None:
        r = self.rng
        self.line(r.choice([f"### 문항{number}", f"### 문항 {number}", f"### 문제{number}"]), "")
        a, b = self.acronym(), self.acronym()
        self.line(r.choice([f"{self.me['subject']} 관련 설명으로 옳은 것 고르기",
                            f"다음 중 {a}에 대한 설명으로 틀린 것은?",
                            f"{particle(a, '과/와')} {b}의 차이로 올바른 것을 모두 고르시오",
                            f"{self.ko()} 단계에서 {particle(self.en(), '을/를')} 사용하는 이유로 가장 적절한 것은?"]), "")
        if r.random() < 0.15:
            # Prose pasted from a blog post, one long paragraph.
            self.line(" ".join(f"{particle(self.ko(), '은/는')} {self.ko()}의 {particle(self.ko(), '을/를')} "
                               f"{r.choice(VERBS)}합니다." for _ in range(r.randint(3, 6))), "")
        for acr, exp in forced:
            self.note_use(acr, exp)
            self.covered.add(acr)
        plan: list[tuple[str | None, str | None, str | None]] = [(a, e, None) for a, e in forced]
        for _ in range(r.randint(2, 5)):
            topic = self.fresh_topic()
            if topic not in TOPICS:
                plan.append((None, None, topic))
            elif r.random() < 0.1:
                plan.append((topic, None, None))
            else:
                plan.append((topic, self.expansion(topic), None))
        for k, (acr, exp, name) in enumerate(plan, 1):
            if k > max(1, len(forced)) and self.size >= self.target:
                break
            if acr and exp and r.random() < 0.25:
                self.concept(acr, exp)
            else:
                self.topic(k, acr, exp, name)
        if self.me["subject"] in ("MLOps", "데이터 엔지니어링") and r.random() < 0.35:
            self.english()
        if r.random() < 0.5 and self.size < self.target:
            self.table()
        if r.random() < 0.45 and self.size < self.target:
            self.tip()
        if r.random() < 0.4:
            self.line(f"→ 자세한 내용은 {self.link()} 참고", "")

    def build(self, target: int, forced: list[tuple[str, str]]) -> str:
        r = self.rng
        self.target = target
        self.line(f"# {self.me['title']}", "")
        if r.random() < 0.4:
            self.line(" ".join(r.sample(TAGS, 2)), "")
        number = self.me["first_problem"]
        self.problem(number, forced)
        while self.size < target:
            number += r.randint(1, 3)
            self.problem(number, [])
        return "\n".join(self.out) + "\n"


# ---------------------------------------------------------------------------------------


def plan_vault(n_files: int, seed: int) -> tuple[list[dict], list[tuple[str, str]], dict]:
    r = random.Random(f"notedeck-vault/{seed}/plan")
    vault = []
    for i in range(n_files):
        subject = r.choice(SUBJECTS)
        title = f"{subject} {r.choice(TITLE_KINDS)} {i + 1:05d}"
        vault.append({"index": i, "subject": subject, "title": title,
                      "first_problem": r.randint(1, 30), "rel": f"{subject}/{title}.md"})
    # One conflict per 30 files; the alternate goes into one file per 2,500 more (at least
    # one), the canonical expansion into two others, so the canonical stays the majority
    # even in a vault too small for the topic to come up by chance.
    n_conflicts = min(len(CONFLICTS), n_files // 30 if n_files >= 60 else (1 if n_files >= 3 else 0))
    conflicts = r.sample(CONFLICTS, n_conflicts)
    forced: dict[int, list[tuple[str, str]]] = {}
    for acr, alternate in conflicts:
        n_alt = 1 + n_files // 2500
        files = r.sample(range(n_files), n_alt + 2)
        for i in files[:n_alt]:
            forced.setdefault(i, []).append((acr, alternate))
        for i in files[n_alt:]:
            forced.setdefault(i, []).append((acr, TOPICS[acr][1]))
    return vault, conflicts, forced


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out_dir")
    ap.add_argument("n_files", type=int)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--avg-kb", type=float, default=20.0, help="mean file size (default 20 KB)")
    ap.add_argument("--force", action="store_true",
                    help="replace OUT_DIR if this generator wrote it (it holds the manifest)")
    args = ap.parse_args(argv)
    if args.n_files < 1:
        ap.error("N_FILES must be at least 1")
    for acr, _ in CONFLICTS:
        # A conflict on an acronym with benign spellings would make the manifest ambiguous.
        assert isinstance(TOPICS[acr][1], str), acr

    started = time.monotonic()
    out = Path(args.out_dir).resolve()
    if out.exists() and any(out.iterdir()):
        if not (args.force and (out / MANIFEST).is_file()):
            sys.exit(f"{out} is not empty (--force replaces a vault this generator wrote)")
        shutil.rmtree(out)
    out.mkdir(parents=True, exist_ok=True)

    vault, conflicts, forced = plan_vault(args.n_files, args.seed)
    book = {"uses": {}, "links": dict.fromkeys(
        ["wikilink", "wikilink_heading", "wikilink_alias", "markdown_same_folder",
         "markdown_relative", "missing"], 0)}
    total = 0
    for subject in {m["subject"] for m in vault}:
        (out / subject).mkdir(exist_ok=True)
    for i, me in enumerate(vault):
        rng = random.Random(f"notedeck-vault/{args.seed}/{i}")
        target = int(args.avg_kb * 1024 * rng.uniform(0.5, 1.5))
        # A note stops at the first problem past its target; aim below by the mean overshoot.
        text = Note(rng, me, vault, book).build(max(1024, target - 1500), forced.get(i, []))
        data = text.encode("utf-8")
        (out / me["rel"]).write_bytes(data)
        total += len(data)

    uses = book["uses"]
    manifest = {
        "generator": "tools/gen-vault/gen_vault.py",
        "seed": args.seed,
        "n_files": args.n_files,
        "avg_kb": args.avg_kb,
        "total_bytes": total,
        "links": book["links"],
        "conflicts": [{
            "acronym": acr,
            "canonical": TOPICS[acr][1],
            "alternate": alternate,
            "alternate_files": sorted(uses[acr][alternate]),
            "canonical_file_count": len(uses[acr][TOPICS[acr][1]]),
            "canonical_files_sample": sorted(uses[acr][TOPICS[acr][1]])[:5],
        } for acr, alternate in conflicts],
        # acronym -> {spelling: number of files using it}, for acronyms written more than one
        # benign way in this vault.
        "benign_variants": {acr: {exp: len(files) for exp, files in sorted(spellings.items())}
                            for acr, spellings in sorted(uses.items())
                            if isinstance(TOPICS[acr][1], tuple) and len(spellings) > 1},
    }
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n",
                                encoding="utf-8")
    print(json.dumps({"out_dir": str(out), "files": args.n_files, "total_bytes": total,
                      "conflicts": [c["acronym"] for c in manifest["conflicts"]],
                      "benign_variants": sorted(manifest["benign_variants"]),
                      "seconds": round(time.monotonic() - started, 1)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
