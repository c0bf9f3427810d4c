-- Drives a real headless Neovim through what a user does with the notedeck plugin: open a
-- note, wait for the server's diagnostics, hover a term, apply a quick fix, watch the
-- diagnostics update. Run by tests/test_nvim_lsp.py as
--   nvim --headless -u NONE -i NONE -n --cmd 'set rtp^=editors/nvim' -l this.lua PARAMS.json
-- PARAMS.json names the server command, the note and the strings to look for. Every step is
-- bounded by its own timeout; the results are rewritten to PARAMS.result after every step, so
-- the Python side can report how far a run got even if it has to kill Neovim.

local params_path = assert(arg[1], 'usage: nvim -l test_nvim_lsp.lua PARAMS.json')
local params = vim.json.decode(table.concat(vim.fn.readfile(params_path), '\n'))
local result = { steps = {} }

local function save()
  vim.fn.writefile({ vim.json.encode(result) }, params.result_path)
end

local function now_ms()
  return vim.uv.hrtime() / 1e6
end

--- Runs one step; its table (plus ok, ms, error) lands in result.steps[name]. Later steps
--- that need an earlier one check `ok` and are skipped, so one failure reports once.
local function step(name, fn)
  local started = now_ms()
  local data = {}
  local ok, err = xpcall(fn, debug.traceback, data)
  data.ok = ok
  data.ms = math.floor(now_ms() - started)
  if not ok then
    data.error = tostring(err)
  end
  result.steps[name] = data
  save()
  return ok
end

--- Waits for cond() within ms milliseconds, or fails with `what`.
local function wait_for(ms, what, cond)
  if not vim.wait(ms, cond, 50) then
    error(('timed out after %d ms waiting for %s'):format(ms, what), 0)
  end
end

local function diagnostics_of(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    out[#out + 1] = {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      severity = d.severity,
      code = d.code and tostring(d.code) or vim.NIL,
      source = d.source or vim.NIL,
      message = d.message,
    }
  end
  return out
end

local function has_code(items, code, lnum)
  for _, d in ipairs(items) do
    if d.code == code and (lnum == nil or d.lnum == lnum) then
      return true
    end
  end
  return false
end

--- Markdown/plaintext of a hover result, whatever shape (MarkupContent, MarkedString[]).
local function hover_text(contents)
  if type(contents) == 'string' then
    return contents
  end
  if contents.value then
    return contents.value
  end
  local parts = {}
  for _, c in ipairs(contents) do
    parts[#parts + 1] = type(c) == 'string' and c or (c.value or '')
  end
  return table.concat(parts, '\n')
end

--- Does a code action mention `needle` in its title or in any text it would insert?
local function action_mentions(action, needle)
  if (action.title or ''):find(needle, 1, true) then
    return true
  end
  local edit = action.edit
  if not edit then
    return false
  end
  for _, edits in pairs(edit.changes or {}) do
    for _, e in ipairs(edits) do
      if (e.newText or ''):find(needle, 1, true) then
        return true
      end
    end
  end
  for _, change in ipairs(edit.documentChanges or {}) do
    for _, e in ipairs(change.edits or {}) do
      if (e.newText or ''):find(needle, 1, true) then
        return true
      end
    end
  end
  return false
end

local function is_quickfix(action)
  return type(action.kind) == 'string' and vim.startswith(action.kind, 'quickfix')
end

local client, bufnr

local function main()
  vim.cmd('filetype on')
  vim.lsp.log.set_level(params.log_level or 'debug')
  result.lsp_log = vim.lsp.log.get_filename()
  save()

  if
    not step('setup', function(data)
      require('notedeck').setup({ cmd = params.cmd })
      data.config_cmd = vim.lsp.config.notedeck.cmd
    end)
  then
    return
  end

  if
    not step('attach', function(data)
      vim.cmd.edit(vim.fn.fnameescape(params.note))
      bufnr = vim.api.nvim_get_current_buf()
      data.filetype = vim.bo[bufnr].filetype
      wait_for(params.timeouts.attach, 'the notedeck client to attach', function()
        client = vim.lsp.get_clients({ bufnr = bufnr, name = 'notedeck' })[1]
        return client ~= nil and client.initialized
      end)
      data.root_dir = client.root_dir
      data.offset_encoding = client.offset_encoding
      data.server_name = client.server_info and client.server_info.name or vim.NIL
      data.capabilities = {
        hover = client:supports_method('textDocument/hover'),
        code_action = client:supports_method('textDocument/codeAction'),
        definition = client:supports_method('textDocument/definition'),
      }
    end)
  then
    return
  end

  local conflict_line = params.conflict.lnum
  step('diagnostics', function(data)
    local ok = vim.wait(params.timeouts.diagnostics, function()
      return has_code(diagnostics_of(bufnr), params.conflict.code, conflict_line)
    end, 50)
    data.items = diagnostics_of(bufnr)
    if not ok then
      error(('no %s diagnostic on line %d within %d ms'):format(
        params.conflict.code, conflict_line + 1, params.timeouts.diagnostics), 0)
    end
  end)

  step('hover', function(data)
    local lnum, col
    for i, line in ipairs(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)) do
      local at = line:find(params.hover.line_contains, 1, true)
      if at then
        lnum = i
        col = line:find(params.hover.word, at, true) - 1
        break
      end
    end
    assert(lnum, 'no line contains ' .. params.hover.line_contains)
    vim.api.nvim_win_set_cursor(0, { lnum, col })
    local pos = vim.lsp.util.make_position_params(0, client.offset_encoding)
    data.position = pos.position
    local response, err = client:request_sync('textDocument/hover', pos, params.timeouts.request, bufnr)
    if not response then
      error('hover request failed: ' .. tostring(err), 0)
    end
    if response.err then
      error('server answered hover with an error: ' .. vim.inspect(response.err), 0)
    end
    local hover = response.result
    data.text = hover and hover ~= vim.NIL and hover_text(hover.contents) or vim.NIL
  end)

  if not result.steps.diagnostics.ok then
    return
  end

  step('code_action', function(data)
    -- As a user gets there: from the start of the line, `]d` to the finding.
    vim.api.nvim_win_set_cursor(0, { conflict_line + 1, 0 })
    vim.diagnostic.jump({ count = 1, float = false })
    local cursor = vim.api.nvim_win_get_cursor(0)
    data.cursor = { line = cursor[1] - 1, col = cursor[2] }
    if cursor[1] - 1 ~= conflict_line then
      error(('`]d` went to line %d, not to the finding on line %d'):format(cursor[1], conflict_line + 1), 0)
    end

    -- The request `gra` makes there, made synchronously first so the run records what the
    -- server offered even if the quick fix below is not among it.
    local lsp_diags = {}
    for _, d in ipairs(vim.diagnostic.get(bufnr, { lnum = conflict_line })) do
      if d.user_data and d.user_data.lsp then
        lsp_diags[#lsp_diags + 1] = d.user_data.lsp
      end
    end
    local here = vim.lsp.util.make_position_params(0, client.offset_encoding).position
    local request = {
      textDocument = vim.lsp.util.make_text_document_params(bufnr),
      range = { start = here, ['end'] = here },
      context = { diagnostics = lsp_diags, triggerKind = 1 },
    }
    local response, err = client:request_sync('textDocument/codeAction', request, params.timeouts.request, bufnr)
    if not response then
      error('codeAction request failed: ' .. tostring(err), 0)
    end
    if response.err then
      error('server answered codeAction with an error: ' .. vim.inspect(response.err), 0)
    end
    data.offered = {}
    for _, a in ipairs(response.result or {}) do
      data.offered[#data.offered + 1] = { title = a.title, kind = a.kind or vim.NIL, has_edit = a.edit ~= nil }
    end

    -- The fix to take: a quick fix that writes the expected text, the preferred one if several.
    local chosen
    for _, a in ipairs(response.result or {}) do
      if is_quickfix(a) and action_mentions(a, params.fix.expect) and (chosen == nil or (a.isPreferred and not chosen.isPreferred)) then
        chosen = a
      end
    end
    if not chosen then
      error(('no quick fix offered that writes %q'):format(params.fix.expect), 0)
    end
    data.chosen = chosen.title

    -- Now as a user would: the built-in code action request and picker (what `gra` runs),
    -- filtered down to that one fix so it is applied without a prompt.
    local taken = false
    local filter = function(action)
      if not taken and action.title == chosen.title and is_quickfix(action) then
        taken = true
        return true
      end
      return false
    end
    vim.lsp.buf.code_action({ filter = filter, apply = true })
    local ok = vim.wait(params.timeouts.apply, function()
      local now = vim.api.nvim_buf_get_lines(bufnr, conflict_line, conflict_line + 1, false)[1]
      return now ~= nil and now:find(params.fix.expect, 1, true) ~= nil
    end, 50)
    data.line_after = vim.api.nvim_buf_get_lines(bufnr, conflict_line, conflict_line + 1, false)[1]
    data.buffer_after = table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, false), '\n')
    data.modified = vim.bo[bufnr].modified
    if not ok then
      error(('the buffer did not change to read %q within %d ms'):format(params.fix.expect, params.timeouts.apply), 0)
    end
  end)

  if not result.steps.code_action.ok then
    return
  end

  step('after_fix', function(data)
    -- The fix went to the server as didChange; fresh diagnostics must drop the conflict.
    local ok = vim.wait(params.timeouts.diagnostics, function()
      return not has_code(diagnostics_of(bufnr), params.conflict.code, nil)
    end, 50)
    data.items = diagnostics_of(bufnr)
    if not ok then
      error(('%s was still reported %d ms after the fix'):format(params.conflict.code, params.timeouts.diagnostics), 0)
    end
  end)
end

local ok, err = xpcall(main, debug.traceback)
if not ok then
  result.error = tostring(err)
end
result.finished = true
save()
-- Stop the server politely so its exit is part of the test (a crash would show in the log).
for _, c in ipairs(vim.lsp.get_clients()) do
  c:stop()
end
vim.wait(2000, function()
  return #vim.lsp.get_clients() == 0
end, 50)
