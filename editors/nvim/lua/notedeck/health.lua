--- `:checkhealth notedeck`: is Neovim new enough, is the server executable found and does it
--- run, and is a client attached to the current buffer.
local M = {}

function M.check()
  local health = vim.health
  local notedeck = require('notedeck')

  health.start('notedeck')
  if vim.fn.has('nvim-0.11') == 1 then
    health.ok('Neovim ' .. tostring(vim.version()) .. ' has vim.lsp.config / vim.lsp.enable')
  else
    health.error('Neovim 0.11 or newer is needed', { 'Upgrade Neovim' })
    return
  end

  local opts = notedeck.options
  if not opts then
    health.warn('setup() has not been called', { "Add require('notedeck').setup() to your config" })
    return
  end

  if type(opts.cmd) ~= 'table' then
    health.info('cmd is a function; not checked')
  else
    local exe = opts.cmd[1]
    local path = exe and vim.fn.exepath(exe) or ''
    if path == '' then
      health.error(('server executable not found: %s'):format(tostring(exe)), {
        'Install it: cargo install --path crates/notedeck',
        "Or point setup() at it: cmd = { '/path/to/notedeck', 'lsp' }",
      })
    else
      local out = vim.system({ path, '--version' }, { text = true }):wait(5000)
      if out.code == 0 then
        health.ok(('%s (%s)'):format(vim.trim(out.stdout or ''), path))
      else
        health.warn(('%s --version exited with %s'):format(path, tostring(out.code)), {
          vim.trim(out.stderr or ''),
        })
      end
    end
  end

  local clients = vim.lsp.get_clients({ name = notedeck.name })
  if #clients == 0 then
    health.info('no notedeck client running (open a Markdown file to start one)')
  end
  for _, client in ipairs(clients) do
    health.ok(('client %d running, root %s'):format(client.id, tostring(client.root_dir)))
  end
end

return M
