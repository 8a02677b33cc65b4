<?php
/**
 * Uploads a phone-sized photo to WordPress's REST API as the block editor does (multipart form data,
 * Basic authentication with an application password), and prints what happened as JSON.
 *
 * The photo: 4096x3072 (12.6 megapixels) of noise in GD's JPEG at quality 89, about 10.8 MB. Noise keeps
 * JPEG from compressing it, so the size is that of a real phone photo's and not of a flat test card.
 *
 * Arguments: upload URL, site host, user, application password.
 */
[, $url, $host, $user, $password] = $argv;
$width = 4096;
$height = 3072;
$tileSize = 256;
$image = imagecreatetruecolor($width, $height);
$tile = imagecreatetruecolor($tileSize, $tileSize);
for ($x = 0; $x < $tileSize; $x++) {
	for ($y = 0; $y < $tileSize; $y++) {
		imagesetpixel($tile, $x, $y, mt_rand(0, 0xFFFFFF));
	}
}
for ($x = 0; $x < $width; $x += $tileSize) {
	for ($y = 0; $y < $height; $y += $tileSize) {
		imagecopy($image, $tile, $x, $y, 0, 0, $tileSize, $tileSize);
	}
}
ob_start();
imagejpeg($image, null, 89);
$jpeg = ob_get_clean();

$boundary = 'photo' . bin2hex(random_bytes(8));
$body = "--$boundary\r\nContent-Disposition: form-data; name=\"file\"; filename=\"phone-photo.jpg\"\r\n"
	. "Content-Type: image/jpeg\r\n\r\n$jpeg\r\n--$boundary--\r\n";
$context = stream_context_create(['http' => [
	'method' => 'POST',
	'ignore_errors' => true,
	'timeout' => 120,
	'header' => implode("\r\n", [
		"Host: $host",
		'X-Forwarded-Proto: https',
		'Authorization: Basic ' . base64_encode("$user:$password"),
		"Content-Type: multipart/form-data; boundary=$boundary",
	]),
	'content' => $body,
]]);
$started = microtime(true);
$answer = file_get_contents($url, false, $context);
echo json_encode([
	'bytes' => strlen($jpeg),
	'sha1' => sha1($jpeg),
	'seconds' => round(microtime(true) - $started, 2),
	'status' => $http_response_header[0] ?? 'no response',
	'body' => json_decode((string) $answer, true) ?? $answer,
]), "\n";
