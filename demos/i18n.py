"""Every user-facing string, in English and Chinese, behind prefixed keys (a bare key such as `plot` collides with
gradio's own translation namespaces). The browser locale picks the language; `I18N` is passed to `launch()`."""

from __future__ import annotations

import gradio as gr

from demos.cln_text import STRINGS as CLN_STRINGS

EN: dict[str, str] = {
    # app
    "app.title": "Scientific Spaces Explorables",
    "app.tagline": "Interactive, runnable versions of articles from the *Scientific Spaces* blog (kexue.fm) by Su Jianlin.",
    "app.tab.smooth": "Smooth approximations",
    "app.tab.terms": "Term mining",
    "app.tab.guide": "Guide",
    # the shared article header (not "common.*": that is a gradio namespace)
    "shared.cite": "Cite",
    "shared.cite_apa": "APA-style reference",
    "shared.cite_bibtex": "BibTeX",
    "shared.summary_note": "The summary above is in our own words; the article itself is CC BY-NC-ND, so read it at the link.",
    "shared.examples": "Examples",
    # smooth tab
    "smooth.summary": (
        "Networks output continuous numbers, but they are judged by discrete ones: a class label, an accuracy, "
        "an F1 score. These metrics contain a max, an argmax or a threshold, so their gradient is zero almost "
        "everywhere, and the loss we can train on (cross-entropy) is only a proxy for them. The article's remedy is "
        "to *soften* the hard functions, and nearly all of them follow from one smooth maximum:\n\n"
        "$$\\mathrm{LSE}_K(x)=\\frac1K\\ln\\sum_{i=1}^n e^{Kx_i},\\qquad "
        "\\max_i x_i\\le\\mathrm{LSE}_K(x)\\le\\max_i x_i+\\frac{\\ln n}{K}.$$\n\n"
        "Its gradient is $\\mathrm{softmax}(Kx)$, a smooth one-hot of the argmax; weighting the positions "
        "$1,\\dots,n$ by it gives a smooth argmax; replacing one-hot predictions with probabilities turns accuracy "
        "and F1 into differentiable objectives. Choose a pair, move the temperature $K$, and watch the smooth "
        "version close in on the hard one inside its error band. The experiment below trains one classifier on "
        "cross-entropy and on $-$soft F1."
    ),
    "smooth.function": "Function pair",
    "smooth.vector": "Vector x (numbers separated by commas or spaces, at most 1000; press Enter to apply)",
    "smooth.log_k": "Temperature, log₁₀ K (drag; K from 0.01 to 1000)",
    "smooth.k_value": "K (type an exact value, 0 < K ≤ 10000)",
    "smooth.topk": "k, for top-k",
    "smooth.batch": "Batch: label t ∈ {0, 1} and score s (a logit; p = σ(K s)), at most 1000 rows",
    "smooth.plot_label": "Hard beside smooth, and the error as K grows",
    "smooth.result": "Values (exact, smooth, bound)",
    "smooth.pair.max_lse": "max  vs  log-sum-exp",
    "smooth.pair.onehot_softmax": "one-hot(argmax)  vs  softmax",
    "smooth.pair.argmax_softargmax": "argmax  vs  soft-argmax",
    "smooth.pair.accuracy": "accuracy  vs  soft accuracy",
    "smooth.pair.f1": "F1  vs  soft F1",
    "smooth.pair.topk": "top-k  vs  soft-k-max",
    "smooth.pair.abs": "|x|  vs  smooth |x|",
    "smooth.pair.step": "step  vs  sigmoid",
    "smooth.pair.relu_softplus": "ReLU  vs  softplus",
    "smooth.pair.cumax": "cumulative argmax  vs  cumax",
    "smooth.formula.max_lse": (
        "$\\mathrm{LSE}_K(x)=\\frac1K\\ln\\sum_i e^{Kx_i}$, bounded by "
        "$\\max x\\le\\mathrm{LSE}_K\\le\\max x+\\frac{\\ln n}{K}$ (equality on the right when all entries are equal)."
    ),
    "smooth.formula.onehot_softmax": (
        "$\\mathrm{softmax}(Kx)_i=e^{Kx_i}/\\sum_j e^{Kx_j}$ is the gradient of $\\mathrm{LSE}_K$. With $\\Delta$ the "
        "gap between the two largest entries, $\\lVert\\mathrm{softmax}(Kx)-\\mathrm{onehot}\\rVert_1=2(1-p_{\\max})"
        "\\le 2(n-1)e^{-K\\Delta}$."
    ),
    "smooth.formula.argmax_softargmax": (
        "$\\mathrm{softargmax}_K(x)=\\sum_{i=1}^n i\\,\\mathrm{softmax}(Kx)_i$ (1-based), and "
        "$|\\mathrm{softargmax}_K-i^*|\\le(n-1)(1-p_{\\max})\\le(n-1)^2e^{-K\\Delta}$."
    ),
    "smooth.formula.accuracy": (
        "$\\mathrm{acc}=\\frac1{|B|}\\sum_{x\\in B}\\langle 1_{\\text{true}},1_{\\text{pred}}\\rangle$ becomes "
        "$\\frac1{|B|}\\sum_{x\\in B}\\langle 1_{\\text{true}},p\\rangle$, the mean probability of the true class, "
        "with $p=\\sigma(Ks)$. Per sample the gap is $\\sigma(-K|s|)$, so "
        "$|\\widetilde{\\mathrm{acc}}-\\mathrm{acc}|\\le\\frac1{|B|}\\sum\\sigma(-K|s|)$."
    ),
    "smooth.formula.f1": (
        "$F_1=\\frac{2TP}{2TP+FP+FN}=\\frac{2\\sum_x t(x)\\hat y(x)}{\\sum_x t(x)+\\hat y(x)}$; soft $F_1$ puts "
        "$p=\\sigma(Ks)$ in place of $\\hat y$. It rises with $p$ on positives and falls with $p$ on negatives, so "
        "moving each $p$ by at most $\\sigma(-K|s|)$ gives the band that holds both."
    ),
    "smooth.formula.topk": (
        "soft-$k$-max: $x\\leftarrow x-\\min x$, $p^{(0)}=0$, $p^{(i)}=p^{(i-1)}+\\mathrm{softmax}\\big(K(1-p^{(i-1)})"
        "\\otimes x\\big)$ for $i=1..k$. It sums to $k$, but no error bound is known and its entries can even leave "
        "$[0,1]$ (try $x=0,1$ with $k=2$), so the gap is measured. Shown too (orange): "
        "the 2024 follow-up's soft top-$k$, $\\nabla_x\\frac1K\\ln\\sum_{|S|=k}e^{K\\sum_{i\\in S}x_i}$."
    ),
    "smooth.formula.abs": (
        "$|x|\\approx\\frac1K\\ln(e^{Kx}+e^{-Kx})=\\mathrm{LSE}_K(x,-x)$, so "
        "$|x|\\le\\cdot\\le|x|+\\frac{\\ln2}{K}$ (post 3290). The vector's entries are the points evaluated."
    ),
    "smooth.formula.step": (
        "$\\theta(x)\\approx\\sigma(Kx)=\\frac1{1+e^{-Kx}}$, the derivative of the smooth ReLU. The pointwise error is "
        "$\\sigma(-K|x|)$: it vanishes away from 0 but is $\\tfrac12$ at 0 for every $K$."
    ),
    "smooth.formula.relu_softplus": (
        "$\\max(x,0)\\approx\\frac1K\\ln(1+e^{Kx})=\\mathrm{LSE}_K(0,x)$, so $\\mathrm{ReLU}\\le\\mathrm{softplus}_K\\le\\mathrm{ReLU}+\\frac{\\ln2}{K}$."
    ),
    "smooth.formula.cumax": (
        "The ON-LSTM gate $\\mathrm{cumax}(x)=\\mathrm{cumsum}(\\mathrm{softmax}(Kx))$ softens a step that jumps "
        "from 0 to 1 at the argmax; $\\lVert\\mathrm{cumax}-\\text{step}\\rVert_\\infty\\le 1-p_{\\max}\\le(n-1)e^{-K\\Delta}$."
    ),
    "smooth.experiment_title": "Experiment: train on cross-entropy, on −soft F1, or on both",
    "smooth.experiment_intro": (
        "A logistic regression on two overlapping Gaussian classes, positives rare. The same model is trained with "
        "cross-entropy, with $-$soft $F_1$ from scratch, and with cross-entropy followed by $-$soft $F_1$ (the "
        "article's advice). The table reports the *true* $F_1$ at threshold 0.5 on 1000 held-out points."
    ),
    "smooth.seed": "Seed",
    "smooth.positive_share": "Share of positives",
    "smooth.steps": "Adam steps per loss",
    "smooth.run": "Run experiment",
    "smooth.experiment_plot": "Held-out points and the three decision boundaries",
    "smooth.experiment_table": "True F1 of each recipe",
    # guide tab
    "guide.summary": (
        "The original post is Su's guide to reading his site: a layout that adapts to any screen, a print view, a "
        "cite button on every post, a search box, categories and tags, and comments with a LaTeX preview. This tab "
        "does the same for the app: what each tab shows and how to read it, how to cite, how to call every endpoint "
        "from code, how to run it offline, and how the model weights are made and published."
    ),
    "guide.tabs_title": "What each tab does",
    "guide.api_title": "Calling the app from code",
    "guide.api_intro": (
        "Every action in the app is a public endpoint. Install `gradio_client` and call it with the app's URL "
        "(`http://127.0.0.1:7860` locally, or the Space's id). The list below is generated from the running app."
    ),
    "guide.offline_title": "Running offline, reproducing and publishing the weights",
    "guide.cite_title": "How to cite",
    "guide.license_title": "Licence",
    "guide.tab.smooth": (
        "Pick a **function pair** and a **temperature** $K$ (drag the log-scale slider or type $K$). The left plot puts "
        "the hard function (dashed or outlined) beside its smooth version (blue) and shades the interval the bound "
        "guarantees; the right plot shows, on log axes, how the error falls as $K$ grows and the bound above it. "
        "Edit the vector (or, for accuracy and F1, the batch table) and press Enter. The JSON lists the exact value, "
        "the smooth value, the bound and whether it holds. The experiment trains one logistic regression three ways "
        "and reports the true F1 of each on held-out data."
    ),
    "guide.tab.terms": "Paste a text (Chinese, English or another space-separated language) or upload a .txt, or pick an example, then **Mine terms**: the table ranks the discovered words by how much more often they occur here than in general language (sortable; download it as CSV), the plot sets domain score against frequency, and the text comes back with the terms highlighted. **Segment with the discovered words** cuts the text with the discovered lexicon. The advanced fold holds the thresholds; the explainer colours one sentence by the PMI of each adjacent pair.",
    "guide.tab.guide": "This page: how to use the app, call it from code, cite it, and run it offline.",
    "guide.license": (
        "Code: MIT. The summaries in this app are our own words; the articles belong to Su Jianlin and are published "
        "under CC BY-NC-ND 2.5 China, so the app links to them instead of reproducing them. Each model card states "
        "the licence of its weights and training data."
    ),
    # O-GAN tab
    "app.tab.ogan": "O-GAN",
    "ogan.summary": "A GAN's discriminator already reads every image closely, so why train a separate encoder? O-GAN makes the discriminator output a whole vector $E(x)\\in\\mathbb{R}^{n_z}$ and uses only its mean as the realism score, $D(x)=\\operatorname{avg}(E(x))$. Mean and spread of $E(x)$ stay free for the GAN game; its *shape* is asked to carry the noise, by adding the Pearson correlation to both players' losses:\n\n$$\\mathcal{L}_{E,G}\\;\\mathrel{+}=\\;-\\lambda\\,\\rho\\big(z,\\,E(G(z))\\big),\\qquad \\rho(a,b)=\\cos\\big(\\mathcal N(a),\\mathcal N(b)\\big),\\quad \\mathcal N(v)=\\frac{v-\\operatorname{avg}(v)}{\\operatorname{std}(v)}.$$\n\nAfter training, the discriminator *is* an encoder: a digit is reconstructed as $\\hat x=G\\big(0.9\\,\\mathcal N(E(x))\\big)$. Our model is a small MNIST O-GAN ($n_z=64$, λ = 0.5, SELF-MOD generator, EMA weights, hinge loss) trained for 120k steps in bfloat16, about an hour of a 2-core CPU; the panel at the bottom measures the claim against the same GAN trained without the ρ term.",
    "ogan.pad": "Draw a digit",
    "shared.pad_placeholder": "Pick the brush ✏️ in the toolbar, then draw one digit, large",
    "ogan.encode": "Encode and reconstruct",
    "ogan.example": "…or pick a test digit",
    "ogan.seen": "As the model sees it (28×28)",
    "ogan.recon": "Reconstruction G(0.9·N(E(x)))",
    "ogan.code": "The code N(E(x)) the discriminator assigns",
    "ogan.judge_input": "An independent classifier reads the input as…",
    "ogan.judge_recon": "…and the reconstruction as",
    "ogan.interp_title": "Interpolate between two codes",
    "ogan.from": "From",
    "ogan.to": "To",
    "ogan.value_hint": "Example digit (0–9) or seed",
    "ogan.a_drawing_note": "“drawing” uses the digit drawn above; “test digit” takes 0–9, “seed” any whole number.",
    "ogan.b_pad": "Second drawing (for “To: drawing”)",
    "ogan.frames": "Frames",
    "ogan.choice.drawing": "drawing",
    "ogan.choice.example": "test digit",
    "ogan.choice.seed": "seed",
    "ogan.choice.spherical": "spherical",
    "ogan.choice.linear": "linear",
    "ogan.method": "Path",
    "ogan.interpolate": "Interpolate",
    "ogan.strip": "Frames from start to end",
    "ogan.scrub": "Scrub through the frames",
    "ogan.frame": "Frame",
    "ogan.gif": "Animation (GIF)",
    "ogan.sample_title": "Sample",
    "ogan.seed": "Seed",
    "ogan.n_samples": "How many",
    "ogan.sample": "Sample",
    "ogan.samples": "Samples G(z)",
    "ogan.scale": "Noise scale σ",
    "ogan.scale_info": "1 samples the distribution the GAN was trained on. Below 1 is the truncation trick, which makes many GANs' samples cleaner at the cost of variety; for this model it does not: the panel at the bottom measures σ = 0.8 and 0.6. With the mixture, σ shrinks each component towards its centre.",
    "ogan.source": "Codes from",
    "ogan.source_info": 'The prior N(0, σ²I) is what the GAN was trained on; some of its codes fall between two digit classes. A Gaussian mixture fitted to the encoder\'s codes of the 55k training digits tells where real digits live. "Typical" keeps only prior samples whose picture the encoder places as likely as 95% of held-out real digits (rejection sampling: the same look, fewer in-between digits). "Mixture" draws the codes from it: cleaner digits, less like the test set\'s. The panel at the bottom measures all three.',
    "ogan.choice.typical": "prior, typical samples only",
    "ogan.choice.prior": "prior N(0, σ²I)",
    "ogan.choice.mixture": "mixture fitted to encoded digits",
    "ogan.edit_title": "Latent directions",
    "ogan.edit_intro": "The sliders move a code along the top principal components of the encoder's codes over the 55k training digits, in units of their standard deviation. Start from the last encoded digit or from a seed.",
    "ogan.code_box": "Code (64 numbers)",
    "ogan.use_encoded": "Use the encoded digit",
    "ogan.use_seed": "Use the sample seed",
    "ogan.edited": "Decoded after the move",
    "ogan.compare_title": "Does the encoder come for free? O-GAN beside the same GAN without the ρ term",
    "ogan.ogan_samples": "O-GAN samples",
    "ogan.ablation_samples": "Ablation samples",
    "guide.tab.ogan": "Draw a digit (pick the brush first) or choose a test digit, then **Encode**: you see the 28×28 input the model receives, the reconstruction $G(0.9\\,\\mathcal N(E(x)))$ and the 64 numbers of the code. **Interpolate** decodes a path between two codes (drawings, test digits or seeds); scrub with the slider or download the GIF. **Sample** draws a grid from a seed, with codes from the prior (all of them, or only the samples the encoder finds typical of real digits) or from a mixture fitted to the encoder's codes of real digits. **Latent directions** moves a code along the encoder's principal components. The table at the bottom holds the measured numbers of the O-GAN and of the ablation.",
    # term-mining tab (built, not yet shown: see demos/tabs.py)
    "terms.summary": "How do you find the vocabulary of a field nobody has written a dictionary for? Su's recipe needs only text. First discover *words* without a dictionary: a string is a word when it recurs, when its parts stick together more than chance would make them, and when it is free at both ends:\n\n$$\\mathrm{cohesion}(w)=\\min_{w=a|b}\\ln\\frac{p(w)}{p(a)\\,p(b)},\\qquad H_{\\text{left}}(w)=-\\sum_{c}p(c\\mid\\cdot w)\\ln p(c\\mid\\cdot w)\\ \\text{(and the same on the right)}.$$\n\nThen compare each word's frequency here with its frequency in general language; what is far more common here is the domain's own vocabulary: $\\mathrm{score}(w)=\\ln\\frac{p_{\\text{here}}(w)}{p_{\\text{general}}(w)}$, with additive smoothing so that a word the general table has never seen gets a large, finite score. (The article's posted code let such words become NaN, which sorts *last*: the most domain-specific words fell to the bottom.)",
    "terms.text": "Text (Chinese or a space-separated language; up to 20 MB)",
    "terms.upload": "…or upload a .txt file (UTF-8, UTF-16 or GB18030)",
    "terms.language": "Language",
    "terms.advanced": "Advanced thresholds",
    "terms.min_count": "Minimum frequency (0 = automatic)",
    "terms.min_cohesion": "Minimum cohesion (nats)",
    "terms.min_entropy": "Minimum boundary entropy (nats)",
    "terms.run": "Mine terms",
    "terms.segment": "Segment with the discovered words",
    "terms.table": "Domain terms, by termhood: specific, frequent and (in English) used as nouns first (click a column to sort)",
    "terms.plot": "Domain score against frequency",
    "terms.csv": "CSV download",
    "terms.highlighted": "The text with the discovered terms marked (first 20,000 units)",
    "terms.explain_title": "How it works, step by step",
    "terms.explain_general": "1. Count every 1- to 5-unit n-gram (a unit is a character in Chinese, a word elsewhere; a number is one unit).\n2. Keep the n-grams that recur, stick together (cohesion) and are free at both ends (boundary entropy).\n3. Drop phrases that split into two discovered words (领导+干部).\n4. Score each word against general language: $\\ln\\frac{c_{\\text{here}}/N_{\\text{here}}}{(c_{\\text{general}}+0.5)/(N_{\\text{general}}+0.5|V|)}$. A word missing from the general table has $c_{\\text{general}}=0$: with the $+0.5$ it scores high and finite, as it should. In English, single words that recur and are free at both ends are candidates too (they have no cohesion).\n5. Rank by weight $= 1000\\,p_{\\text{here}}\\cdot\\text{domain score}$, the term's share of the divergence between this text and general language: specific *and* frequent first. Sorting by domain score alone puts a name seen six times above the domain's core words.\n6. In English, termhood $=$ weight $\\times\\sqrt{(a+0.1)/(c+1)}$, where $a$ of the term's $c$ occurrences follow a determiner (the, a, this, each, …): a domain term is a noun (*the* working tree, *a* commit), while commands, options, identifiers and adjectives (git log, current, given) rarely take one. On three software manuals this lifts precision@100 against the manual's own glossary by 0.06 to 0.07 (README). Chinese has no articles: there termhood is the weight. A plural is counted with its singular when the text has both (tables with table: one row, the plural listed beside it). The button below colours the first sentence by the PMI of each adjacent pair: the orange pairs are the likely cuts.",
    "terms.pmi": "Pair PMI in the first sentence",
    "terms.explain_run": "Show pair cohesion for the first sentence",
    "app.tab.onlstm": "ON-LSTM",
    "onlstm.summary": "An LSTM's hidden units are interchangeable: shuffle them (and their weights) and nothing changes. ON-LSTM gives them an order. Before each update it estimates two *levels*: $d_f$, up to where history is kept, and $d_i$, up to where the new input is written. High levels are rewritten rarely and carry long spans, low levels change at every step: nested spans, that is, a tree. Softened, the one-hot levels become cumulative softmaxes, the master gates\n\n$$\\tilde f_t=\\operatorname{cumax}(W_{\\tilde f}x_t+U_{\\tilde f}h_{t-1}+b_{\\tilde f}),\\quad \\tilde i_t=1-\\operatorname{cumax}(W_{\\tilde i}x_t+U_{\\tilde i}h_{t-1}+b_{\\tilde i}),\\quad \\omega_t=\\tilde f_t\\circ\\tilde i_t,$$\n$$c_t=\\omega_t\\circ(f_t\\circ c_{t-1}+i_t\\circ\\hat c_t)+(\\tilde f_t-\\omega_t)\\circ c_{t-1}+(\\tilde i_t-\\omega_t)\\circ\\hat c_t.$$\n\nThe distance $d_t=1-\\frac1n\\sum_k\\tilde f_t(k)$ says how little the present needs the past; splitting a sentence top-down at the largest distance gives a binary tree. Our model goes further than the article's word-level demo: it reads **characters** of the People's Daily (1998) with no segmentation at all, so any words it finds, it found itself. The tree is built from a weighted sum of its layers' standardised distances and *input levels* $e_t=\\frac1n\\sum_k\\tilde i_t(k)$ (how high the new character is written: the article's $d_i$), the weights chosen on held-out lines. A twin model that reads each line right to left (it sees what *follows* a gap) can join in.",
    "onlstm.text": "Chinese text (up to 2,000 characters; each sentence up to 200 is parsed)",
    "onlstm.example": "Examples: the article's sentences, then held-out test lines (with their gold words)",
    "onlstm.gold": "Gold segmentation to compare with (optional, words separated by spaces)",
    "onlstm.max_len": "Granularity: split until pieces have at most this many characters (default: the rule chosen on validation lines)",
    "onlstm.layer": "Build the tree from",
    "onlstm.source.forward": "the ON-LSTM (validated gap score)",
    "onlstm.source.both": "with its right-to-left twin (validated gap score)",
    "onlstm.source.0": "forward layer 0 (bottom)",
    "onlstm.source.1": "forward layer 1",
    "onlstm.source.2": "forward layer 2 (top)",
    "onlstm.parse": "Parse",
    "onlstm.words": "Induced words",
    "onlstm.gold_words": "Gold words",
    "onlstm.distances": "Gap score before each character, or the chosen layer's distance (orange: a piece starts here)",
    "onlstm.results_title": "How well does it segment? Measured on held-out lines",
    "onlstm.gates_title": "Inside the gates",
    "onlstm.gates_intro": "The heat-maps show the master forget gate $\\tilde f_t$ (top) and the master input gate $\\tilde i_t$ (bottom) over the levels (rows, low to high) after each character of the first sentence: where the bright region of $\\tilde f_t$ starts is the level from which history is kept; where that of $\\tilde i_t$ ends, the level up to which the character is written. The box plots compare the distances $d$ and input levels $e$ of all layers for this text: each layer uses its own range, which is why the signals are standardised and each one's reading (word start or word end) is chosen on validation lines.",
    "onlstm.show_gates": "Show the gates",
    "onlstm.heat": "Master forget and input gates of the chosen layer",
    "onlstm.box": "Distances and input levels of each layer for this text (→ left to right, ← right to left)",
    "onlstm.integer_title": "The integer picture",
    "onlstm.integer_intro": "The article derives the cell from hard levels. Move $d_f$ (history is kept from this level up) and $d_i$ (the input is written up to this level) and see what each of 16 levels does.",
    "onlstm.integer_legend": "Blue: the new input is copied in. Amber: history is copied unchanged. Purple: the usual LSTM mix $f\\circ c_{t-1}+i\\circ\\hat c_t$. White: nothing survives (only when $d_f>d_i$).",
    "guide.tab.onlstm": "Type a Chinese sentence or pick an example, then **Parse**: each sentence gets the tree a character-level ON-LSTM induces from its master forget and input gates (a twin reading right to left can join in), the gap score before every character, and the words read off the tree. Move the granularity slider for coarser or finer pieces; a test-set example also shows its gold words and scores. **Show the gates** draws the master forget and input gates per character; the integer picture explains the cell with two sliders.",
    "app.tab.iresnet": "Invertible ResNet",
    "iresnet.summary": "A residual block $y=x+g(x)$ is invertible whenever $\\operatorname{Lip}(g)<1$: then $x\\mapsto y-g(x)$ is a contraction, and iterating $x_{k+1}=y-g(x_k)$ from $x_0=y$ converges to the unique preimage, with\n\n$$\\|x_k-x\\|\\le\\frac{c^k}{1-c}\\,\\|x_1-x_0\\|,\\qquad c=\\operatorname{Lip}(g).$$\n\nThe constraint costs little: divide each weight matrix by its spectral norm (power iteration) and multiply by $c<1$. For a flow one also needs $\\log|\\det(I+J_g)|$; the article's trick is the power series\n\n$$\\log\\det(I+J_g)=\\sum_{k\\ge1}\\frac{(-1)^{k+1}}{k}\\operatorname{tr}\\big(J_g^k\\big),\\qquad \\operatorname{tr}(A)\\approx v^\\top A v,\\ v\\sim\\mathcal N(0,I),$$\n\ntruncated after a few terms, each trace estimated with Hutchinson's probe. Below: the inversion live in 2-D, a round trip through our MNIST flow and through the same network trained with $c=1.5$, the estimators against the exact value, and learned densities.",
    "iresnet.results_title": "Measured",
    "iresnet.fp_title": "The fixed point, live",
    "iresnet.fp_intro": "The map is $F(x)=x+c\\,\\varphi(x)$ with a fixed 1-Lipschitz $\\varphi$ (a rotated $(\\sin x_2,\\sin x_1)$), so $\\operatorname{Lip}(c\\varphi)=c$. Pick a point $x$; the app computes $y=F(x)$ and inverts it. Below $c=1$ the error falls at least as fast as the dashed Banach bound; from $c=1$ on the iterates may oscillate, wander, or settle on another preimage, and the heat-map shows where $\\det J_F<0$: the plane folds over itself.",
    "iresnet.c": "Lipschitz constant c",
    "iresnet.iterations": "Iterations",
    "iresnet.run_fp": "Invert",
    "iresnet.path": "Iterates x_k in the plane",
    "iresnet.error": "Error ‖x_k − x‖ (log scale)",
    "iresnet.grid": "The grid mapped by F over det J_F (red: negative, folded)",
    "iresnet.details": "Details (JSON)",
    "iresnet.rt_title": "Round trip a digit",
    "iresnet.rt_intro": "Draw a digit or pick a test digit: the flow maps it to $z=F(x)$ (16×7×7 numbers, shown here on the 28×28 grid) and back by fixed-point iteration, block by block. The lower strip is the same architecture trained with $c=1.5$: its blocks need not be contractions, and the iteration need not come back.",
    "iresnet.pad": "Draw a digit",
    "iresnet.run_rt": "Round trip",
    "iresnet.example": "Or a test digit",
    "iresnet.strip_legend": "Each strip: $x$, $z=F(x)$, then the reconstruction after 1, 2, 5, 10, 20 and 50 iterations per block.",
    "iresnet.flow_strip": "i-ResNet flow (c = 0.9)",
    "iresnet.contrast_strip": "Contrast: the same flow with c = 1.5",
    "iresnet.sample_title": "Samples from the flow",
    "iresnet.seed": "Seed",
    "iresnet.n": "Samples",
    "iresnet.temperature": "Temperature T (z ~ N(0, T²I))",
    "iresnet.run_sample": "Sample",
    "iresnet.samples": "Digits decoded by the inverse",
    "iresnet.logdet_title": "Estimating the log-determinant",
    "iresnet.logdet_intro": "On the eight-Gaussians flow, where the exact 2-D value is cheap: the series with exact traces shows the truncation error alone; Hutchinson's estimate adds the noise of random probes (the error bar is the spread over 8 repeats). Russian roulette (Residual Flows) keeps going past N terms with probability 1 − p per term and re-weights each term by 1 / P(reached): no truncation bias, at the price of more noise.",
    "iresnet.terms": "Series terms N",
    "iresnet.probes": "Hutchinson probes",
    "iresnet.run_logdet": "Compare",
    "iresnet.roulette": "Russian roulette: stopping probability p per extra term (0 = off)",
    "iresnet.logdet_plot": "Exact vs series vs Hutchinson",
    "iresnet.density_title": "Learned 2-D densities",
    "iresnet.density": "Density",
    "iresnet.run_density": "Show",
    "iresnet.density_plot": "p(x) of the flow, with samples drawn through the inverse",
    "guide.tab.iresnet": "**Invert** runs the fixed-point iteration on a 2-D map whose Lipschitz constant you set: below 1 it converges inside the Banach bound, above 1 it can fail and the plane folds. **Round trip** sends a drawn or test digit through the MNIST flow and back, beside the contrast model with c = 1.5. **Sample** decodes digits from the prior; **Compare** sets the log-det estimators against the exact value; **Show** draws a learned 2-D density.",
}

ZH: dict[str, str] = {
    "app.title": "科学空间 · 可交互解读",
    "app.tagline": "把苏剑林《科学空间》（kexue.fm）博客文章做成可以动手运行的交互演示。",
    "app.tab.smooth": "函数光滑化",
    "app.tab.terms": "领域词汇挖掘",
    "app.tab.guide": "使用指南",
    "shared.cite": "引用",
    "shared.cite_apa": "APA 风格引用",
    "shared.cite_bibtex": "BibTeX",
    "shared.summary_note": "以上概述为我们自己的文字；原文采用 CC BY-NC-ND 许可，请点击链接阅读原文。",
    "shared.examples": "示例",
    "smooth.summary": (
        "神经网络输出的是连续数值，但评价它的却是离散量：类别、准确率、F1。这些指标里含有 max、argmax 或阈值，"
        "梯度几乎处处为零，而我们能训练的损失（交叉熵）只是它们的替身。文章的办法是把这些硬函数“软化”，"
        "而几乎所有软化都来自同一个光滑最大值：\n\n"
        "$$\\mathrm{LSE}_K(x)=\\frac1K\\ln\\sum_{i=1}^n e^{Kx_i},\\qquad "
        "\\max_i x_i\\le\\mathrm{LSE}_K(x)\\le\\max_i x_i+\\frac{\\ln n}{K}.$$\n\n"
        "它的梯度是 $\\mathrm{softmax}(Kx)$，即 argmax 的光滑 one-hot；用它对位置 $1,\\dots,n$ 加权就得到光滑的 "
        "argmax；把 one-hot 预测换成概率，准确率和 F1 就成了可导的目标。选一组函数、拖动温度 $K$，"
        "看光滑版本如何在误差带内逼近硬版本。下方的实验分别用交叉熵和 $-$soft F1 训练同一个分类器。"
    ),
    "smooth.function": "函数对",
    "smooth.vector": "向量 x（用逗号或空格分隔，最多 1000 个数；按回车应用）",
    "smooth.log_k": "温度 log₁₀ K（拖动；K 从 0.01 到 1000）",
    "smooth.k_value": "K（可直接输入，0 < K ≤ 10000）",
    "smooth.topk": "top-k 中的 k",
    "smooth.batch": "批数据：标签 t ∈ {0, 1} 与得分 s（logit；p = σ(K s)），最多 1000 行",
    "smooth.plot_label": "硬函数与光滑版本对照，以及误差随 K 的变化",
    "smooth.result": "数值（精确值、光滑值、界）",
    "smooth.pair.max_lse": "max 对 logsumexp",
    "smooth.pair.onehot_softmax": "one-hot(argmax) 对 softmax",
    "smooth.pair.argmax_softargmax": "argmax 对 soft-argmax",
    "smooth.pair.accuracy": "准确率 对 软准确率",
    "smooth.pair.f1": "F1 对 软 F1",
    "smooth.pair.topk": "top-k 对 soft-k-max",
    "smooth.pair.abs": "|x| 对 光滑 |x|",
    "smooth.pair.step": "阶跃函数 对 sigmoid",
    "smooth.pair.relu_softplus": "ReLU 对 softplus",
    "smooth.pair.cumax": "累积 argmax 对 cumax",
    "smooth.formula.max_lse": (
        "$\\mathrm{LSE}_K(x)=\\frac1K\\ln\\sum_i e^{Kx_i}$，满足 $\\max x\\le\\mathrm{LSE}_K\\le\\max x+\\frac{\\ln n}{K}$（各分量相等时右边取等号）。"
    ),
    "smooth.formula.onehot_softmax": (
        "$\\mathrm{softmax}(Kx)_i=e^{Kx_i}/\\sum_j e^{Kx_j}$ 是 $\\mathrm{LSE}_K$ 的梯度。记 $\\Delta$ 为最大两个分量之差，"
        "则 $\\lVert\\mathrm{softmax}(Kx)-\\mathrm{onehot}\\rVert_1=2(1-p_{\\max})\\le 2(n-1)e^{-K\\Delta}$。"
    ),
    "smooth.formula.argmax_softargmax": (
        "$\\mathrm{softargmax}_K(x)=\\sum_{i=1}^n i\\,\\mathrm{softmax}(Kx)_i$（下标从 1 开始），且 "
        "$|\\mathrm{softargmax}_K-i^*|\\le(n-1)(1-p_{\\max})\\le(n-1)^2e^{-K\\Delta}$。"
    ),
    "smooth.formula.accuracy": (
        "$\\mathrm{acc}=\\frac1{|B|}\\sum_{x\\in B}\\langle 1_{\\text{真}},1_{\\text{预测}}\\rangle$ 软化为 "
        "$\\frac1{|B|}\\sum_{x\\in B}\\langle 1_{\\text{真}},p\\rangle$，即真实类别的平均概率，$p=\\sigma(Ks)$。"
        "每个样本的差为 $\\sigma(-K|s|)$，故 $|\\widetilde{\\mathrm{acc}}-\\mathrm{acc}|\\le\\frac1{|B|}\\sum\\sigma(-K|s|)$。"
    ),
    "smooth.formula.f1": (
        "$F_1=\\frac{2TP}{2TP+FP+FN}=\\frac{2\\sum_x t(x)\\hat y(x)}{\\sum_x t(x)+\\hat y(x)}$；软 $F_1$ 用 "
        "$p=\\sigma(Ks)$ 代替 $\\hat y$。它对正样本的 $p$ 单调增、对负样本的 $p$ 单调减，"
        "因此让每个 $p$ 最多移动 $\\sigma(-K|s|)$ 就得到同时包含两者的误差带。"
    ),
    "smooth.formula.topk": (
        "soft-$k$-max：$x\\leftarrow x-\\min x$，$p^{(0)}=0$，$p^{(i)}=p^{(i-1)}+\\mathrm{softmax}\\big(K(1-p^{(i-1)})"
        "\\otimes x\\big)$，$i=1..k$。其和为 $k$，但没有已知的误差界，分量甚至可能超出 $[0,1]$（试试 $x=0,1$、$k=2$），"
        "所以这里直接测量差距。同时给出（橙色）2024 年续篇的"
        "软 top-$k$：$\\nabla_x\\frac1K\\ln\\sum_{|S|=k}e^{K\\sum_{i\\in S}x_i}$。"
    ),
    "smooth.formula.abs": (
        "$|x|\\approx\\frac1K\\ln(e^{Kx}+e^{-Kx})=\\mathrm{LSE}_K(x,-x)$，故 "
        "$|x|\\le\\cdot\\le|x|+\\frac{\\ln2}{K}$（见 3290 号文章）。向量的各分量即为取值点。"
    ),
    "smooth.formula.step": (
        "$\\theta(x)\\approx\\sigma(Kx)=\\frac1{1+e^{-Kx}}$，即光滑 ReLU 的导数。逐点误差为 "
        "$\\sigma(-K|x|)$：远离 0 时趋于零，但在 0 处对任何 $K$ 都是 $\\tfrac12$。"
    ),
    "smooth.formula.relu_softplus": (
        "$\\max(x,0)\\approx\\frac1K\\ln(1+e^{Kx})=\\mathrm{LSE}_K(0,x)$，故 $\\mathrm{ReLU}\\le\\mathrm{softplus}_K\\le\\mathrm{ReLU}+\\frac{\\ln2}{K}$。"
    ),
    "smooth.formula.cumax": (
        "ON-LSTM 的门 $\\mathrm{cumax}(x)=\\mathrm{cumsum}(\\mathrm{softmax}(Kx))$ 软化了在 argmax 处从 0 跳到 1 的阶跃；"
        "$\\lVert\\mathrm{cumax}-\\text{阶跃}\\rVert_\\infty\\le 1-p_{\\max}\\le(n-1)e^{-K\\Delta}$。"
    ),
    "smooth.experiment_title": "实验：用交叉熵、用 −软 F1、或两者先后训练",
    "smooth.experiment_intro": (
        "在两个相互重叠、正样本稀少的高斯类上做逻辑回归。同一个模型分别用交叉熵、从头用 $-$软 $F_1$、"
        "以及先交叉熵后 $-$软 $F_1$（文章的建议）训练。表中是 1000 个留出样本上阈值 0.5 的*真实* $F_1$。"
    ),
    "smooth.seed": "随机种子",
    "smooth.positive_share": "正样本比例",
    "smooth.steps": "每种损失的 Adam 步数",
    "smooth.run": "运行实验",
    "smooth.experiment_plot": "留出样本与三条决策边界",
    "smooth.experiment_table": "各方案的真实 F1",
    "guide.summary": (
        "原文是苏剑林写的本站阅读指南：自适应各种屏幕的排版、打印视图、每篇文章的引用按钮、搜索框、分类与标签、"
        "支持 LaTeX 预览的评论。本页对这个应用做同样的事：每个标签页展示什么、怎么读，如何引用，"
        "如何用代码调用每个接口，如何离线运行，以及模型权重如何训练和发布。"
    ),
    "guide.tabs_title": "各标签页的用途",
    "guide.api_title": "用代码调用本应用",
    "guide.api_intro": (
        "应用里的每个操作都是公开接口。安装 `gradio_client`，用应用地址（本地为 `http://127.0.0.1:7860`，"
        "或 Space 的 id）调用即可。下面的列表由正在运行的应用自动生成。"
    ),
    "guide.offline_title": "离线运行、复现与发布模型权重",
    "guide.cite_title": "如何引用",
    "guide.license_title": "许可",
    "guide.tab.smooth": (
        "选择一组**函数对**和**温度** $K$（拖动对数刻度滑块或直接输入 $K$）。左图把硬函数（虚线或空心标记）与其光滑版本"
        "（蓝色）放在一起，并用阴影标出误差界保证的区间；右图在对数坐标下显示误差随 $K$ 增大而下降的过程及其上界。"
        "修改向量（准确率与 F1 则修改批数据表）后按回车。JSON 给出精确值、光滑值、误差界以及界是否成立。"
        "实验部分用三种方式训练同一个逻辑回归，并报告各自在留出数据上的真实 F1。"
    ),
    "guide.tab.terms": "粘贴一段文本（中文、英文或其他以空格分词的语言）或上传 .txt，也可以选一个示例，然后点**挖掘术语**：表格按“在这里比在通用语料中常见多少”给发现的词排序（可排序，可下载 CSV），散点图把领域得分和频数放在一起，原文中的术语会被高亮。**用发现的词分词**会用发现的词表切分全文。高级选项里是各个阈值；解释部分把一句话按相邻字对的 PMI 着色。",
    "guide.tab.guide": "本页：如何使用本应用、用代码调用、引用，以及离线运行。",
    "guide.license": (
        "代码：MIT 许可。应用中的概述均为我们自己的文字；原文归苏剑林所有，以 CC BY-NC-ND 2.5 中国大陆许可发布，"
        "因此本应用只链接原文而不转载。各模型卡片写明了权重与训练数据的许可。"
    ),
    # O-GAN tab
    "app.tab.ogan": "O-GAN",
    "ogan.summary": "GAN 的判别器本来就在仔细“看”每一张图，为什么还要另训一个编码器？O-GAN 让判别器输出一个向量 $E(x)\\in\\mathbb{R}^{n_z}$，只用它的均值作为真实度打分 $D(x)=\\operatorname{avg}(E(x))$。均值和方差留给 GAN 的博弈，而向量的“形状”被要求携带噪声：在两个玩家的损失里都加上皮尔逊相关系数\n\n$$\\mathcal{L}_{E,G}\\;\\mathrel{+}=\\;-\\lambda\\,\\rho\\big(z,\\,E(G(z))\\big),\\qquad \\rho(a,b)=\\cos\\big(\\mathcal N(a),\\mathcal N(b)\\big),\\quad \\mathcal N(v)=\\frac{v-\\operatorname{avg}(v)}{\\operatorname{std}(v)}.$$\n\n训练完成后判别器*就是*编码器：重构为 $\\hat x=G\\big(0.9\\,\\mathcal N(E(x))\\big)$。这里的模型是一个小型 MNIST O-GAN（$n_z=64$，λ = 0.5，SELF-MOD 生成器，EMA 权重，hinge 损失），以 bfloat16 训练 12 万步，约相当于双核 CPU 一小时的计算量；页面底部把它与去掉 ρ 项、其余完全相同的 GAN 做了对比测量。",
    "ogan.pad": "画一个数字",
    "shared.pad_placeholder": "先在工具栏选画笔 ✏️，再画一个大一点的数字",
    "ogan.encode": "编码并重构",
    "ogan.example": "……或选一个测试集数字",
    "ogan.seen": "模型看到的输入（28×28）",
    "ogan.recon": "重构 G(0.9·N(E(x)))",
    "ogan.code": "判别器给出的编码 N(E(x))",
    "ogan.judge_input": "一个独立的分类器把输入读作……",
    "ogan.judge_recon": "……把重构读作",
    "ogan.interp_title": "在两个编码之间插值",
    "ogan.from": "起点",
    "ogan.to": "终点",
    "ogan.value_hint": "示例数字（0–9）或随机种子",
    "ogan.a_drawing_note": "“手绘”使用上方画的数字；“测试数字”取 0–9；“随机种子”取任意非负整数。",
    "ogan.b_pad": "第二幅手绘（终点选 “drawing” 时使用）",
    "ogan.frames": "帧数",
    "ogan.choice.drawing": "手绘",
    "ogan.choice.example": "测试数字",
    "ogan.choice.seed": "随机种子",
    "ogan.choice.spherical": "球面",
    "ogan.choice.linear": "线性",
    "ogan.method": "路径",
    "ogan.interpolate": "插值",
    "ogan.strip": "从起点到终点的各帧",
    "ogan.scrub": "拖动查看各帧",
    "ogan.frame": "当前帧",
    "ogan.gif": "动画（GIF）",
    "ogan.sample_title": "随机采样",
    "ogan.seed": "随机种子",
    "ogan.n_samples": "数量",
    "ogan.sample": "采样",
    "ogan.samples": "样本 G(z)",
    "ogan.scale": "噪声尺度 σ",
    "ogan.scale_info": "取 1 时按训练时的分布采样。小于 1 即“截断技巧”：它能让许多 GAN 的样本更干净，代价是多样性；对这个模型却没有效果，页面底部的对比表给出了 σ = 0.8 和 0.6 的测量结果。选择混合分布时，σ 把每个分量向其中心收缩。",
    "ogan.source": "编码来源",
    "ogan.source_info": "先验 N(0, σ²I) 是 GAN 训练时用的分布，其中一部分编码落在两个数字类别之间。拟合自编码器对 5.5 万张训练数字编码的高斯混合分布，刻画了真实数字所在的位置。“典型”只保留这样的先验样本：编码器给出的编码至少和 95% 的留出真实数字一样可能（拒绝采样：观感不变，介于两类之间的数字更少）。“混合分布”直接从中抽取编码：数字更清晰，但与测试集的分布差得更远。页面底部的对比表给出了三者的测量结果。",
    "ogan.choice.typical": "先验，仅保留典型样本",
    "ogan.choice.prior": "先验 N(0, σ²I)",
    "ogan.choice.mixture": "拟合编码的混合分布",
    "ogan.edit_title": "隐空间方向",
    "ogan.edit_intro": "滑块沿着编码器在 5.5 万张训练数字上的编码的主成分方向移动一个编码，单位是该方向上的标准差。可以从刚编码的数字或某个随机种子出发。",
    "ogan.code_box": "编码（64 个数）",
    "ogan.use_encoded": "使用刚编码的数字",
    "ogan.use_seed": "使用采样的随机种子",
    "ogan.edited": "移动后的解码结果",
    "ogan.compare_title": "编码器真的是“免费”的吗？O-GAN 与去掉 ρ 项的同一个 GAN 对比",
    "ogan.ogan_samples": "O-GAN 样本",
    "ogan.ablation_samples": "对照组样本",
    "guide.tab.ogan": "画一个数字（先选画笔）或选一个测试集数字，然后点**编码并重构**：可以看到模型接收的 28×28 输入、重构 $G(0.9\\,\\mathcal N(E(x)))$ 以及 64 维编码。**插值**在两个编码（手绘、测试数字或随机种子）之间解码一条路径，可拖动滑块或下载 GIF。**随机采样**按种子生成一组数字，编码可取自先验（全部样本，或只保留编码器认为像真实数字的样本），或取自拟合真实数字编码的混合分布。**隐空间方向**沿编码器的主成分移动编码。底部的表格是 O-GAN 与对照组的实测数字。",
    # term-mining tab
    "terms.summary": "一个没有人编过词典的领域，怎么找到它的词汇？苏剑林的做法只需要文本。先在没有词典的情况下发现*词*：一个字符串要成为词，需要反复出现、内部凝固程度远超偶然，并且左右两边都自由：\n\n$$\\mathrm{cohesion}(w)=\\min_{w=a|b}\\ln\\frac{p(w)}{p(a)\\,p(b)},\\qquad H_{\\text{left}}(w)=-\\sum_{c}p(c\\mid\\cdot w)\\ln p(c\\mid\\cdot w)\\ \\text{（右边同理）}.$$\n\n再把每个词在这里的频率与在通用语料中的频率比较，这里明显更常见的就是该领域自己的词汇：$\\mathrm{score}(w)=\\ln\\frac{p_{\\text{here}}(w)}{p_{\\text{general}}(w)}$，并做加性平滑，使通用词表里没有的词得到一个较大而有限的分数。（原文贴出的代码让这类词变成 NaN，而 NaN 排在*最后*：最有领域特色的词反而沉到了底部。）",
    "terms.text": "文本（中文或以空格分词的语言；最多 20 MB）",
    "terms.upload": "……或上传 .txt 文件（UTF-8、UTF-16 或 GB18030）",
    "terms.language": "语言",
    "terms.advanced": "高级阈值",
    "terms.min_count": "最低频数（0 为自动）",
    "terms.min_cohesion": "最低凝固度（nats）",
    "terms.min_entropy": "最低边界熵（nats）",
    "terms.run": "挖掘术语",
    "terms.segment": "用发现的词分词",
    "terms.table": "领域术语，按术语度排序：有领域特色、常见且（英文中）作名词用的在前（点击列名排序）",
    "terms.plot": "领域分数与频数",
    "terms.csv": "CSV 下载",
    "terms.highlighted": "标出已发现术语的文本（前 20000 个单元）",
    "terms.explain_title": "一步一步看它如何工作",
    "terms.explain_general": "1. 统计所有 1 到 5 个单元的 n-gram（中文的单元是字，其他语言是词；一个数字串算一个单元）。\n2. 保留反复出现、内部凝固（凝固度）且两端自由（边界熵）的 n-gram。\n3. 去掉能拆成两个已发现词的短语（领导+干部）。\n4. 与通用语料比较打分：$\\ln\\frac{c_{\\text{here}}/N_{\\text{here}}}{(c_{\\text{general}}+0.5)/(N_{\\text{general}}+0.5|V|)}$。通用词表里没有的词 $c_{\\text{general}}=0$，加上 $+0.5$ 后分数高且有限，这正是应有的结果。英文里，反复出现且两端自由的单个词也是候选（单个词没有凝固度）。\n5. 按权重 $= 1000\\,p_{\\text{here}}\\cdot\\text{领域分}$ 排序，即该词在本文与通用语言之间散度中所占的份额：既有领域特色又常见的在前。只按领域分排序，出现六次的人名会排在领域核心词之前。\n6. 英文里，术语度 $=$ 权重 $\\times\\sqrt{(a+0.1)/(c+1)}$，其中该词 $c$ 次出现中有 $a$ 次紧跟在限定词（the、a、this、each……）之后：领域术语是名词（*the* working tree、*a* commit），命令、选项、标识符和形容词（git log、current、given）很少带冠词。在三本软件手册上，这使对照手册自带术语表的 precision@100 提高 0.06 到 0.07（见 README）。中文没有冠词，术语度就是权重。文本中单复数都出现时，复数并入单数计数（tables 并入 table：一行，复数列在旁边）。下方按钮按相邻两个单元的 PMI 给第一句话着色：橙色的位置最可能是切分点。",
    "terms.pmi": "第一句中相邻单元的 PMI",
    "terms.explain_run": "显示第一句的相邻凝固度",
    "app.tab.onlstm": "ON-LSTM",
    "onlstm.summary": "LSTM 的隐藏单元是可以互换的：把单元连同权重一起打乱，结果不变。ON-LSTM 给它们排了序。每次更新前先估计两个*层级*：$d_f$，历史信息保留到哪一层；$d_i$，当前输入写到哪一层。高层级很少被改写，承载长跨度信息；低层级每步都在变：跨度层层嵌套，也就是一棵树。把 one-hot 的层级软化为 softmax 的累积和，就得到主门\n\n$$\\tilde f_t=\\operatorname{cumax}(W_{\\tilde f}x_t+U_{\\tilde f}h_{t-1}+b_{\\tilde f}),\\quad \\tilde i_t=1-\\operatorname{cumax}(W_{\\tilde i}x_t+U_{\\tilde i}h_{t-1}+b_{\\tilde i}),\\quad \\omega_t=\\tilde f_t\\circ\\tilde i_t,$$\n$$c_t=\\omega_t\\circ(f_t\\circ c_{t-1}+i_t\\circ\\hat c_t)+(\\tilde f_t-\\omega_t)\\circ c_{t-1}+(\\tilde i_t-\\omega_t)\\circ\\hat c_t.$$\n\n距离 $d_t=1-\\frac1n\\sum_k\\tilde f_t(k)$ 表示当前对历史的依赖有多弱；在距离最大处自顶向下切分句子，就得到一棵二叉树。我们的模型比原文的词级演示更进一步：它逐**字**读《人民日报》（1998），完全不做分词，所以它找到的词都是自己发现的。树由各层标准化后的距离与*输入层级* $e_t=\\frac1n\\sum_k\\tilde i_t(k)$（新字被写到多高的层级，即原文的 $d_i$）加权求和建成，权重在留出的句子上选定。还可以加入一个从右往左读每一行的孪生模型（它看得到间隙*之后*的内容）。",
    "onlstm.text": "中文文本（最多 2000 字；逐句解析，每句最多 200 字）",
    "onlstm.example": "示例：原文的句子，以及留出的测试句（附标准分词）",
    "onlstm.gold": "用于对比的标准分词（可选，词之间用空格分隔）",
    "onlstm.max_len": "粒度：切分到每段不超过这么多字（默认值：在验证集上选出的规则）",
    "onlstm.layer": "建树依据",
    "onlstm.source.forward": "ON-LSTM（验证集选出的间隙得分）",
    "onlstm.source.both": "加上从右往左读的孪生模型（验证集选出的间隙得分）",
    "onlstm.source.0": "正向第 0 层（最底层）",
    "onlstm.source.1": "正向第 1 层",
    "onlstm.source.2": "正向第 2 层（最顶层）",
    "onlstm.parse": "解析",
    "onlstm.words": "诱导出的词",
    "onlstm.gold_words": "标准分词",
    "onlstm.distances": "每个字之前的间隙得分，或所选层的距离（橙色：一段从这里开始）",
    "onlstm.results_title": "分词效果如何？在留出的测试句上实测",
    "onlstm.gates_title": "门的内部",
    "onlstm.gates_intro": "热力图展示第一句每个字之后主遗忘门 $\\tilde f_t$（上）和主输入门 $\\tilde i_t$（下）在各层级（行，由低到高）上的取值：$\\tilde f_t$ 亮区开始的位置是历史被保留的起始层级，$\\tilde i_t$ 亮区结束的位置是这个字被写到的最高层级。箱线图比较本段文字在各层的距离 $d$ 和输入层级 $e$：每一层的取值范围不同，所以各信号先标准化，每个信号的读法（词首还是词尾）在验证集上选定。",
    "onlstm.show_gates": "显示门的取值",
    "onlstm.heat": "所选层的主遗忘门和主输入门",
    "onlstm.box": "本段文字在各层的距离和输入层级（→ 从左往右，← 从右往左）",
    "onlstm.integer_title": "整数图景",
    "onlstm.integer_intro": "原文先用“硬”层级推导出这个单元。拖动 $d_f$（从这一层往上保留历史）和 $d_i$（输入写到这一层为止），看 16 个层级各自做什么。",
    "onlstm.integer_legend": "蓝色：复制新输入。琥珀色：原样保留历史。紫色：常规 LSTM 混合 $f\\circ c_{t-1}+i\\circ\\hat c_t$。白色：什么也不留（仅当 $d_f>d_i$）。",
    "guide.tab.onlstm": "输入一句中文或选一个示例，然后点**解析**：每句话都会得到字级 ON-LSTM 用主遗忘门和主输入门诱导出的树（还可以加入从右往左读的孪生模型）、每个字之前的间隙得分，以及从树上读出的词。拖动粒度滑块得到更粗或更细的切分；测试集示例还会显示标准分词和得分。**显示门的取值**画出每个字的主遗忘门和主输入门；整数图景用两个滑块解释这个单元。",
    "app.tab.iresnet": "可逆 ResNet",
    "iresnet.summary": "残差块 $y=x+g(x)$ 只要满足 $\\operatorname{Lip}(g)<1$ 就可逆：此时 $x\\mapsto y-g(x)$ 是压缩映射，从 $x_0=y$ 出发迭代 $x_{k+1}=y-g(x_k)$ 会收敛到唯一的原像，并且\n\n$$\\|x_k-x\\|\\le\\frac{c^k}{1-c}\\,\\|x_1-x_0\\|,\\qquad c=\\operatorname{Lip}(g).$$\n\n这个约束代价很小：每个权重矩阵除以它的谱范数（幂迭代求得）再乘以 $c<1$。作为流模型还需要 $\\log|\\det(I+J_g)|$，原文的技巧是幂级数\n\n$$\\log\\det(I+J_g)=\\sum_{k\\ge1}\\frac{(-1)^{k+1}}{k}\\operatorname{tr}\\big(J_g^k\\big),\\qquad \\operatorname{tr}(A)\\approx v^\\top A v,\\ v\\sim\\mathcal N(0,I),$$\n\n截断到前几项，每个迹用 Hutchinson 随机向量估计。下面依次是：二维的实时求逆、一个数字在我们的 MNIST 流模型与 $c=1.5$ 的同结构网络中的往返、各估计量与精确值的对比，以及学到的密度。",
    "iresnet.results_title": "实测结果",
    "iresnet.fp_title": "实时观察不动点迭代",
    "iresnet.fp_intro": "映射为 $F(x)=x+c\\,\\varphi(x)$，其中 $\\varphi$ 是固定的 1-Lipschitz 函数（旋转后的 $(\\sin x_2,\\sin x_1)$），因此 $\\operatorname{Lip}(c\\varphi)=c$。选一个点 $x$，应用算出 $y=F(x)$ 再求逆。$c<1$ 时误差至少按虚线的 Banach 上界下降；从 $c=1$ 起迭代可能振荡、游走或停在另一个原像上，热力图标出 $\\det J_F<0$ 的区域：平面在那里折叠。",
    "iresnet.c": "Lipschitz 常数 c",
    "iresnet.iterations": "迭代次数",
    "iresnet.run_fp": "求逆",
    "iresnet.path": "平面上的迭代点 x_k",
    "iresnet.error": "误差 ‖x_k − x‖（对数坐标）",
    "iresnet.grid": "网格经 F 变形，底色为 det J_F（红色为负：折叠）",
    "iresnet.details": "详细数据（JSON）",
    "iresnet.rt_title": "一个数字的往返",
    "iresnet.rt_intro": "画一个数字或选一个测试数字：流模型把它映射为 $z=F(x)$（16×7×7 个数，这里排回 28×28 显示），再逐块用不动点迭代映射回来。下方是同样结构但取 $c=1.5$ 训练的网络：它的残差块不一定是压缩映射，迭代不一定回得去。",
    "iresnet.pad": "画一个数字",
    "iresnet.run_rt": "往返",
    "iresnet.example": "或选一个测试数字",
    "iresnet.strip_legend": "每一行：$x$，$z=F(x)$，然后是每块迭代 1、2、5、10、20、50 次后的重构。",
    "iresnet.flow_strip": "i-ResNet 流模型（c = 0.9）",
    "iresnet.contrast_strip": "对照：同样的流模型，c = 1.5",
    "iresnet.sample_title": "从流模型采样",
    "iresnet.seed": "随机种子",
    "iresnet.n": "样本数",
    "iresnet.temperature": "温度 T（z ~ N(0, T²I)）",
    "iresnet.run_sample": "采样",
    "iresnet.samples": "逆映射解码出的数字",
    "iresnet.logdet_title": "估计对数行列式",
    "iresnet.logdet_intro": "在八个高斯的二维流模型上比较，二维时精确值很便宜：用精确迹计算的级数只反映截断误差；Hutchinson 估计还带有随机向量的噪声（误差棒是 8 次重复的标准差）。俄罗斯轮盘赌（Residual Flows）在 N 项之后每项以 1 − p 的概率继续，并把每一项除以到达它的概率：没有截断偏差，代价是更大的噪声。",
    "iresnet.terms": "级数项数 N",
    "iresnet.probes": "Hutchinson 随机向量个数",
    "iresnet.run_logdet": "比较",
    "iresnet.roulette": "俄罗斯轮盘赌：每多一项的停止概率 p（0 = 关闭）",
    "iresnet.logdet_plot": "精确值、级数与 Hutchinson 估计",
    "iresnet.density_title": "学到的二维密度",
    "iresnet.density": "密度",
    "iresnet.run_density": "显示",
    "iresnet.density_plot": "流模型的 p(x)，以及经逆映射得到的样本",
    "guide.tab.iresnet": "**求逆**在一个 Lipschitz 常数可调的二维映射上做不动点迭代：小于 1 时在 Banach 上界内收敛，大于 1 时可能失败，平面发生折叠。**往返**把手绘或测试数字送进 MNIST 流模型再取回，旁边是 c = 1.5 的对照模型。**采样**从先验解码数字；**比较**把对数行列式的估计量与精确值对照；**显示**画出学到的二维密度。",
}

for _key, (_en, _zh) in CLN_STRINGS.items():  # tabs written since keep their strings side by side in their own file
    EN[_key], ZH[_key] = _en, _zh

I18N = gr.I18n(en=EN, zh=ZH, **{"zh-CN": ZH})
