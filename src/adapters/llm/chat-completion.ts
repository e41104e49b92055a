// One call to an OpenAI-compatible chat completions endpoint (OpenAI or Azure OpenAI).
export interface LlmSettings {
  endpoint: string;
  apiKey?: string;
  model?: string;
  /** Set for Azure OpenAI (the endpoint is then the deployment URL). */
  apiVersion?: string;
  timeoutMs: number;
}

export async function chatCompletion(
  settings: LlmSettings,
  prompt: { system: string; user: string; maxTokens: number },
  fetchImpl: typeof fetch = fetch,
): Promise<string> {
  const { endpoint, apiKey, model, apiVersion, timeoutMs } = settings;
  const base = endpoint.replace(/\/+$/, "");
  const url = apiVersion
    ? `${base}/chat/completions?api-version=${encodeURIComponent(apiVersion)}`
    : `${base}/chat/completions`;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (apiKey) {
    if (apiVersion) headers["api-key"] = apiKey;
    else headers.authorization = `Bearer ${apiKey}`;
  }
  const body = {
    ...(model ? { model } : {}),
    temperature: 0,
    max_tokens: prompt.maxTokens,
    messages: [
      { role: "system", content: prompt.system },
      { role: "user", content: prompt.user },
    ],
  };
  const response = await fetchImpl(url, {
    method: "POST",
    headers,
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(timeoutMs),
  });
  if (!response.ok) throw new Error(`Language model endpoint answered ${response.status} ${response.statusText}`);
  const payload = (await response.json()) as { choices?: Array<{ message?: { content?: string } }> };
  const text = payload.choices?.[0]?.message?.content?.trim();
  if (!text) throw new Error("Language model endpoint returned no answer text");
  return text;
}
