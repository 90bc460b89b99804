// node-llama-cpp's side of the generation bench (bench/Appliance.Bench/GenerationVsNodeLlamaCpp.cs, bench/README.md):
// the same measurements as ours, through node-llama-cpp's own batching.
//
//   node llama_node.mjs MODEL TOKENS THREADS CONTEXT_PER_SEQUENCE RUNS SEQUENCES PROMPT
//
// For each count in SEQUENCES (comma-separated), one context holds that many sequences; every sequence
// evaluates the prompt and generates greedily at once, so the context batches their tokens into shared
// decodes. A warm-up run of TOKENS, then RUNS runs generating 1 token (prompt + first token) and RUNS
// generating TOKENS, each timed from the first evaluate to the last sequence's last token. Prints one JSON
// object on stdout; the C# side turns the times into tokens/s exactly as it does for ours.
// Uses only the prebuilt CPU binaries of @node-llama-cpp/linux-x64: never builds or downloads llama.cpp.
import { getLlama, LlamaLogLevel } from "node-llama-cpp";
import { readFileSync } from "node:fs";

const [modelPath, tokensArg, threadsArg, contextArg, runsArg, sequencesArg, prompt] = process.argv.slice(2);
const [tokens, threads, contextSize, runs] = [tokensArg, threadsArg, contextArg, runsArg].map(Number);

const llama = await getLlama({
    gpu: false,
    build: "never",
    usePrebuiltBinaries: true,
    skipDownload: true,
    progressLogs: false,
    logLevel: LlamaLogLevel.error,
    maxThreads: threads,
});
const model = await llama.loadModel({ modelPath, gpuLayers: 0 });
// llama_tokenize with add_special, as ours: the BOS token when the vocabulary asks for one.
const promptTokens = [...(model.tokens.shouldPrependBosToken ? [model.tokens.bos] : []), ...model.tokenize(prompt)];

async function generate(sequence, max) {
    let generated = 0;
    // yieldEogToken: an end-of-text token does not end the run, as IgnoreEndOfText does on our side.
    for await (const _ of sequence.evaluate(promptTokens, { temperature: 0, yieldEogToken: true })) {
        if (++generated === max) {
            break;
        }
    }
    return generated;
}

async function timeRun(sequences, max) {
    const start = performance.now();
    const counts = await Promise.all(sequences.map((sequence) => generate(sequence, max)));
    const ms = performance.now() - start;
    await Promise.all(sequences.map((sequence) => sequence.clearHistory()));
    if (counts.some((count) => count !== max)) {
        throw new Error(`expected ${max} tokens per sequence, got ${counts.join(", ")}`);
    }
    return ms;
}

const results = [];
for (const count of sequencesArg.split(",").map(Number)) {
    const context = await model.createContext({ sequences: count, contextSize, batchSize: 512, threads, flashAttention: "auto" });
    const sequences = Array.from({ length: count }, () => context.getSequence());
    await timeRun(sequences, tokens);
    const firstMs = [];
    const fullMs = [];
    for (let i = 0; i < runs; i++) {
        firstMs.push(await timeRun(sequences, 1));
        fullMs.push(await timeRun(sequences, tokens));
    }
    results.push({ sequences: count, contextPerSequence: context.contextSize, threads: context.currentThreads, firstMs, fullMs });
    await context.dispose();
}

const packageJson = JSON.parse(readFileSync(new URL("../package.json", import.meta.resolve("node-llama-cpp")), "utf8"));
console.log(JSON.stringify({
    version: packageJson.version,
    llamaCpp: llama.llamaCppRelease.release,
    build: llama.buildType,
    gpu: llama.gpu,
    promptTokens: promptTokens.length,
    results,
}));
await model.dispose();
await llama.dispose();
