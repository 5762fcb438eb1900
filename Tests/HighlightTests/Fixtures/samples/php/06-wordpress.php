<?php
/**
 * Plugin Name: Hello
 */
defined( 'ABSPATH' ) || exit;

add_action( 'init', function () {
	register_post_type( 'book', array(
		'public'   => true,
		'label'    => __( 'Books', 'hello' ),
		'supports' => array( 'title', 'editor' ),
	) );
} );

function hello_shortcode( $atts ) {
	$a = shortcode_atts( array( 'name' => 'World' ), $atts );
	return '<p>Hello, ' . esc_html( $a['name'] ) . '</p>';
}
add_shortcode( 'hello', 'hello_shortcode' );
