<?php
/**
 * wp-config.php for zdc's WordPress image: every setting from the environment, as the official image's
 * wp-config-docker.php documents (VAR, or the file named by VAR_FILE, or the default). Written here;
 * the entrypoint and the stack's Jobs copy it to wp-config.php. Salts the environment does not set
 * keep the placeholder below, which the entrypoint replaces with random values.
 */

if (!function_exists('zdc_env')) {
	/** VAR_FILE's content, else VAR, else the default. */
	function zdc_env(string $name, string $default): string {
		$file = getenv($name . '_FILE');
		if ($file !== false && $file !== '') {
			return rtrim((string) file_get_contents($file), "\r\n");
		}
		$value = getenv($name);
		return $value === false ? $default : $value;
	}
}

define('DB_NAME', zdc_env('WORDPRESS_DB_NAME', 'wordpress'));
define('DB_USER', zdc_env('WORDPRESS_DB_USER', 'example username'));
define('DB_PASSWORD', zdc_env('WORDPRESS_DB_PASSWORD', 'example password'));
define('DB_HOST', zdc_env('WORDPRESS_DB_HOST', 'mysql'));
define('DB_CHARSET', zdc_env('WORDPRESS_DB_CHARSET', 'utf8'));
define('DB_COLLATE', zdc_env('WORDPRESS_DB_COLLATE', ''));

foreach (['AUTH_KEY', 'SECURE_AUTH_KEY', 'LOGGED_IN_KEY', 'NONCE_KEY', 'AUTH_SALT', 'SECURE_AUTH_SALT', 'LOGGED_IN_SALT', 'NONCE_SALT'] as $zdc_salt) {
	define($zdc_salt, zdc_env('WORDPRESS_' . $zdc_salt, 'put your unique phrase here'));
}
unset($zdc_salt);

$table_prefix = zdc_env('WORDPRESS_TABLE_PREFIX', 'wp_');

define('WP_DEBUG', (bool) zdc_env('WORDPRESS_DEBUG', ''));

// Behind an ingress that terminates TLS, WordPress must still know the request was HTTPS.
if (isset($_SERVER['HTTP_X_FORWARDED_PROTO']) && strpos($_SERVER['HTTP_X_FORWARDED_PROTO'], 'https') !== false) {
	$_SERVER['HTTPS'] = 'on';
}

// Any further PHP, e.g. define() lines, as the official image's WORDPRESS_CONFIG_EXTRA.
$zdc_extra = zdc_env('WORDPRESS_CONFIG_EXTRA', '');
if ($zdc_extra !== '') {
	eval($zdc_extra);
}
unset($zdc_extra);

if (!defined('ABSPATH')) {
	define('ABSPATH', __DIR__ . '/');
}

require_once ABSPATH . 'wp-settings.php';
