package assets

import "embed"

// Serve holds the preview server's page templates, style sheet and script
// (serve/): index.html, briefing.xhtml, serve.css and serve.js.
//
//go:embed serve/*.html serve/*.xhtml serve/*.css serve/*.js
var Serve embed.FS
